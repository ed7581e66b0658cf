/**
 * Loading jtelegraf's TOML configuration with Telegraf's semantics.
 *
 * <p>Entry point: {@link io.jtelegraf.agent.config.ConfigLoader#load} with
 * {@link io.jtelegraf.agent.config.LoadOptions}; the result is a
 * {@link io.jtelegraf.agent.config.LoadedConfig} holding the effective agent settings and one
 * {@link io.jtelegraf.agent.config.PluginTable} per {@code [[inputs.X]]} / {@code [[outputs.X]]}.
 *
 * <p>The pipeline per file: find the files ({@code ConfigFileLocator}), read them as UTF-8
 * ({@code ConfigFileReader}), strip comments ({@code CommentStripper}), substitute environment
 * variables ({@code EnvTemplate}, strictly per string value or over the whole text), parse the
 * TOML into a tree with line numbers ({@code TomlDocumentParser}), dispatch the top-level tables
 * ({@code TopLevelDispatcher}: {@code [agent]} via {@code AgentSettingsCollector}, plugin tables
 * via {@code CommonOptionsReader} and {@code FilterSpecReader}).
 *
 * <p>Every error is an {@link io.jtelegraf.spi.ConfigException} with one message shape, worded in
 * {@code ConfigMessages}:
 * <pre>
 * /etc/jtelegraf/jtelegraf.conf:12: plugin inputs.ipvs: key "interval": missing unit in duration "10" ...
 * /etc/jtelegraf/jtelegraf.conf:12: plugin inputs.ipvs: unknown keys "foo", "bar" (line 12, 13) but they
 *     were not used; this is either a typo or this config option does not exist in this version
 * /etc/jtelegraf/jtelegraf.conf:3: [agent]: key "round_interval": expected a boolean (true or false), got a string
 * /etc/jtelegraf/jtelegraf.conf:2:18: invalid TOML syntax: ...
 * </pre>
 */
package io.jtelegraf.agent.config;
