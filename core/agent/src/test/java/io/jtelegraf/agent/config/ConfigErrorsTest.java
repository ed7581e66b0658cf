package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.spi.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact, readable load errors: file, line, and plugin and key where there is one. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private String loadError(String toml) {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", toml);
        try {
            new ConfigFiles(dir).load(file);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("loading did not fail");
    }

    private String file() {
        return dir.resolve("jtelegraf.conf").toString();
    }

    @Test
    void tomlSyntaxErrorsNameLineAndColumn() {
        assertThat(loadError("[agent]\n  interval = \"10s\n")).isEqualTo(file()
                + ":2:18: invalid TOML syntax: Unexpected end of line, expected \" or a character");
    }

    @Test
    void duplicateKeysAreSyntaxErrors() {
        assertThat(loadError("[[inputs.cpu]]\npercpu = true\npercpu = false\n")).isEqualTo(file()
                + ":3:1: invalid TOML syntax: percpu previously defined at line 2, column 1");
    }

    @Test
    void unknownPluginKeysFailWhenChecked() {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", "[[inputs.ipvs]]\n  foo = 1\n  bar = \"x\"\n");
        PluginTable table = new ConfigFiles(dir).load(file).inputs().get(0);
        assertThatThrownBy(table::requireAllKeysUsed).isInstanceOf(ConfigException.class).hasMessage(file
                + ":2: plugin inputs.ipvs: unknown keys \"foo\", \"bar\" (line 2, 3) but they were not used;"
                + " this is either a typo or this config option does not exist in this version");
    }

    @Test
    void processorsAreRejected() {
        assertThat(loadError("[[inputs.cpu]]\n\n[[processors.rename]]\n  order = 1\n")).isEqualTo(file()
                + ":3: [[processors.rename]]: jtelegraf does not support processor plugins; remove this table");
    }

    @Test
    void aggregatorsAreRejected() {
        assertThat(loadError("[[aggregators.minmax]]\n  period = \"30s\"\n")).isEqualTo(file()
                + ":1: [[aggregators.minmax]]: jtelegraf does not support aggregator plugins; remove this table");
    }

    @Test
    void secretStoresAreRejected() {
        assertThat(loadError("[[secretstores.os]]\n  id = \"mystore\"\n")).isEqualTo(file()
                + ":1: [[secretstores.os]]: jtelegraf does not support secret stores; remove this table");
    }

    @Test
    void secretReferencesAreRejectedWithoutShowingTheValue() {
        String message = loadError("[[outputs.influxdb]]\n  urls = [\"http://x\"]\n  password = \"pre@{mystore:pw}\"\n");
        assertThat(message).isEqualTo(file() + ":3: plugin outputs.influxdb: key \"password\": jtelegraf does not"
                + " support secret-store references such as @{store:key}; put the value in the file or in an"
                + " environment variable instead");
    }

    @Test
    void secretReferencesInsideArraysAndSubTablesAreFound() {
        assertThat(loadError("[[outputs.influxdb]]\n  urls = [\"a\",\n    \"@{s:k}\"]\n")).startsWith(file()
                + ":2: plugin outputs.influxdb: key \"urls\": jtelegraf does not support secret-store references");
        assertThat(loadError("[[outputs.influxdb]]\n[outputs.influxdb.http_headers]\n  Authorization = \"@{s:token}\"\n"))
                .startsWith(file() + ":3: plugin outputs.influxdb: key \"http_headers\": jtelegraf does not support");
        assertThat(loadError("[agent]\n  hostname = \"@{s:host}\"\n"))
                .startsWith(file() + ":2: [agent]: key \"hostname\": jtelegraf does not support secret-store");
    }

    @Test
    void metricpassIsRejected() {
        assertThat(loadError("[[inputs.cpu]]\n  metricpass = \"fields.usage_idle < 90\"\n")).isEqualTo(file()
                + ":2: plugin inputs.cpu: key \"metricpass\": jtelegraf does not support metricpass (CEL expressions);"
                + " use namepass, namedrop, tagpass or tagdrop instead");
    }

    @Test
    void unknownTopLevelTablesAreUndefinedInputs() {
        assertThat(loadError("[[outputs.file]]\n[cpu]\n  percpu = true\n")).isEqualTo(file()
                + ":2: undefined but requested input: cpu (only [agent], [global_tags], [[inputs.NAME]] and"
                + " [[outputs.NAME]] may appear at the top level; write [[inputs.cpu]] for an input)");
    }

    @Test
    void topLevelValuesMustBeTables() {
        assertThat(loadError("interval = \"10s\"\n")).isEqualTo(file()
                + ":1: top-level key \"interval\" must be a table such as [agent] or [[inputs.NAME]], not a string");
    }

    @Test
    void pluginEntriesMustBeTables() {
        assertThat(loadError("[inputs]\n  cpu = 1\n")).isEqualTo(file()
                + ":2: inputs.cpu must be a plugin table written [[inputs.cpu]], not an integer");
    }

    @Test
    void aMissingRequiredVariableFailsAtItsLine() {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf",
                "[[outputs.influxdb]]\n  urls = [\"http://x\"]\n  database = \"${DB:?set DB to the database name}\"\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(file, Map.of())).hasMessage(file
                + ":3: required variable DB is missing a value: set DB to the database name");
    }

    @Test
    void aMissingRequiredVariableFailsAtItsLineInNonStrictMode() {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", "[agent]\n\n  hostname = \"${H:?no host}\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigFiles(dir).options()
                .configs(java.util.List.of(file.toString())).strictEnvironment(false).build()))
                .hasMessage(file + ":3: required variable H is missing a value: no host");
    }
}
