package io.jtelegraf.agent.config;

/** The two plugin sections jtelegraf runs: {@code [[inputs.*]]} and {@code [[outputs.*]]}. */
public enum PluginSection {
    INPUTS("inputs"),
    OUTPUTS("outputs");

    private final String tomlName;

    PluginSection(String tomlName) {
        this.tomlName = tomlName;
    }

    /** {@code inputs} or {@code outputs}, the prefix of plugin ids. */
    public String tomlName() {
        return tomlName;
    }
}
