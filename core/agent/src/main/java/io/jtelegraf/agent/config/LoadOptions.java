package io.jtelegraf.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What to load and how: the CLI's {@code --config}, {@code --config-directory},
 * {@code --input-filter}/{@code --output-filter} and env-handling flags, plus the environment,
 * default locations and host name, which tests replace.
 *
 * <pre>{@code
 * LoadOptions options = LoadOptions.builder()
 *         .configs(run.configs)
 *         .configDirectories(run.configDirectories)
 *         .strictEnvironment(!run.nonStrictEnv)
 *         .inputFilter(List.of("ipvs"))
 *         .build();
 * }</pre>
 */
public final class LoadOptions {
    private final List<String> configs;
    private final List<String> configDirectories;
    private final boolean strictEnvironment;
    private final Set<String> inputFilter;
    private final Set<String> outputFilter;
    private final Map<String, String> environment;
    private final DefaultConfigLocations defaultLocations;
    private final Supplier<String> hostname;

    private LoadOptions(Builder builder) {
        this.configs = List.copyOf(builder.configs);
        this.configDirectories = List.copyOf(builder.configDirectories);
        this.strictEnvironment = builder.strictEnvironment;
        this.inputFilter = Set.copyOf(builder.inputFilter);
        this.outputFilter = Set.copyOf(builder.outputFilter);
        this.environment = Map.copyOf(builder.environment);
        this.defaultLocations = builder.defaultLocations != null ? builder.defaultLocations
                : DefaultConfigLocations.system(environment);
        this.hostname = builder.hostname;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> configs() {
        return configs;
    }

    public List<String> configDirectories() {
        return configDirectories;
    }

    public boolean strictEnvironment() {
        return strictEnvironment;
    }

    public Set<String> inputFilter() {
        return inputFilter;
    }

    public Set<String> outputFilter() {
        return outputFilter;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public DefaultConfigLocations defaultLocations() {
        return defaultLocations;
    }

    Supplier<String> hostname() {
        return hostname;
    }

    /** Builds {@link LoadOptions}; every setting has a default that matches a plain {@code jtelegraf} run. */
    public static final class Builder {
        private final List<String> configs = new ArrayList<>();
        private final List<String> configDirectories = new ArrayList<>();
        private boolean strictEnvironment = true;
        private final List<String> inputFilter = new ArrayList<>();
        private final List<String> outputFilter = new ArrayList<>();
        private Map<String, String> environment = System.getenv();
        private DefaultConfigLocations defaultLocations;
        private Supplier<String> hostname = SystemHostname::get;

        private Builder() {
        }

        /** {@code --config} values in order; each may hold several comma-separated paths. */
        public Builder configs(List<String> values) {
            configs.addAll(values);
            return this;
        }

        /** {@code --config-directory} values in order. */
        public Builder configDirectories(List<String> values) {
            configDirectories.addAll(values);
            return this;
        }

        /** True (the default) substitutes in string values only; false in the whole text first. */
        public Builder strictEnvironment(boolean strict) {
            this.strictEnvironment = strict;
            return this;
        }

        /** {@code --input-filter}: exact plugin names (colon-separated values are split); empty = all. */
        public Builder inputFilter(List<String> names) {
            inputFilter.addAll(splitNames(names));
            return this;
        }

        /** {@code --output-filter}: exact plugin names (colon-separated values are split); empty = all. */
        public Builder outputFilter(List<String> names) {
            outputFilter.addAll(splitNames(names));
            return this;
        }

        /** The variables for {@code ${VAR}} and {@code $JTELEGRAF_CONFIG_PATH}; default: the process environment. */
        public Builder environment(Map<String, String> variables) {
            this.environment = Objects.requireNonNull(variables, "variables");
            return this;
        }

        /** Where to look without {@code --config}; default: {@code ~/.jtelegraf} and {@code /etc/jtelegraf}. */
        public Builder defaultLocations(DefaultConfigLocations locations) {
            this.defaultLocations = Objects.requireNonNull(locations, "locations");
            return this;
        }

        /** The machine's host name for the {@code host} tag; default: the kernel's node name. */
        public Builder hostname(Supplier<String> source) {
            this.hostname = Objects.requireNonNull(source, "source");
            return this;
        }

        public LoadOptions build() {
            return new LoadOptions(this);
        }

        private static List<String> splitNames(List<String> values) {
            List<String> names = new ArrayList<>();
            for (String value : values) {
                for (String name : value.split(":")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
            }
            return names;
        }
    }
}
