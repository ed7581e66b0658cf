package io.jtelegraf.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtelegraf.agent.filter.FilterSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filter options of a plugin table into {@link FilterSpec} (spec 2.1, 2.3). */
class FilterOptionsTest {
    @TempDir
    Path dir;

    private LoadedConfig loaded;

    private FilterSpec inputFilter(String body) {
        loaded = new ConfigFiles(dir).loadText("[[inputs.cpu]]\n" + body);
        return loaded.inputs().get(0).inputSettings(loaded.agent()).filter();
    }

    private String file() {
        return dir.resolve("jtelegraf.conf").toString();
    }

    @Test
    void namepassAndNamedrop() {
        FilterSpec filter = inputFilter("namepass = [\"cpu*\", \"mem\"]\nnamedrop = [\"cpu_idle\"]\n");
        assertThat(filter.namePass()).containsExactly("cpu*", "mem");
        assertThat(filter.nameDrop()).containsExactly("cpu_idle");
    }

    @Test
    void nameSeparators() {
        FilterSpec filter = inputFilter("namepass_separator = \"._\"\nnamedrop_separator = \":\"\n");
        assertThat(filter.namePassSeparators()).isEqualTo("._");
        assertThat(filter.nameDropSeparators()).isEqualTo(":");
    }

    @Test
    void tagpassAndTagdropAsSubTables() {
        FilterSpec filter = inputFilter("""
                [inputs.cpu.tagpass]
                  cpu = ["cpu0", "cpu1"]
                  host = ["web*"]
                [inputs.cpu.tagdrop]
                  cpu = ["cpu-total"]
                """);
        assertThat(filter.tagPass()).containsOnly(Map.entry("cpu", List.of("cpu0", "cpu1")),
                Map.entry("host", List.of("web*")));
        assertThat(filter.tagDrop()).containsOnly(Map.entry("cpu", List.of("cpu-total")));
    }

    @Test
    void tagpassAsInlineTable() {
        assertThat(inputFilter("tagpass = {cpu = [\"cpu0\"]}\n").tagPass())
                .containsOnly(Map.entry("cpu", List.of("cpu0")));
    }

    @Test
    void tagpassValuesMustBeArrays() {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", "[[inputs.cpu]]\n[inputs.cpu.tagpass]\n  cpu = \"cpu0\"\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(file)).hasMessage(file + ":3: plugin inputs.cpu:"
                + " key \"tagpass\": the value of tag \"cpu\" must be an array of strings such as cpu = [\"value\"],"
                + " got a string");
    }

    @Test
    void tagpassMustBeATable() {
        Path file = new ConfigFiles(dir).write("jtelegraf.conf", "[[inputs.cpu]]\ntagdrop = [\"cpu0\"]\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(file)).hasMessage(file + ":2: plugin inputs.cpu:"
                + " key \"tagdrop\": expected a table of tag names to arrays of patterns such as"
                + " tagdrop = {cpu = [\"cpu0\"]}, got an array");
    }

    @Test
    void fieldincludeAndFieldexclude() {
        FilterSpec filter = inputFilter("fieldinclude = [\"usage_*\"]\nfieldexclude = [\"usage_guest\"]\n");
        assertThat(filter.fieldInclude()).containsExactly("usage_*");
        assertThat(filter.fieldExclude()).containsExactly("usage_guest");
    }

    @Test
    void legacyFieldFiltersAreAppendedWithDeprecationWarnings() {
        FilterSpec filter = inputFilter("""
                fieldinclude = ["a"]
                pass = ["b"]
                fieldpass = ["c"]
                fieldexclude = ["x"]
                drop = ["y"]
                fielddrop = ["z"]
                """);
        assertThat(filter.fieldInclude()).containsExactly("a", "b", "c");
        assertThat(filter.fieldExclude()).containsExactly("x", "y", "z");
        assertThat(loaded.warnings()).containsExactly(
                file() + ":3: plugin inputs.cpu: option \"pass\" is deprecated since 0.10.4 and will be removed in"
                        + " 1.35.0; use \"fieldinclude\" instead",
                file() + ":4: plugin inputs.cpu: option \"fieldpass\" is deprecated since 1.29.0 and will be removed"
                        + " in 1.40.0; use \"fieldinclude\" instead",
                file() + ":6: plugin inputs.cpu: option \"drop\" is deprecated since 0.10.4 and will be removed in"
                        + " 1.35.0; use \"fieldexclude\" instead",
                file() + ":7: plugin inputs.cpu: option \"fielddrop\" is deprecated since 1.29.0 and will be removed"
                        + " in 1.40.0; use \"fieldexclude\" instead");
    }

    @Test
    void taginclueAndTagexclude() {
        FilterSpec filter = inputFilter("taginclude = [\"cpu\"]\ntagexclude = [\"host\"]\n");
        assertThat(filter.tagInclude()).containsExactly("cpu");
        assertThat(filter.tagExclude()).containsExactly("host");
    }

    @Test
    void patternListsMustBeArraysOfStrings() {
        Path notArray = new ConfigFiles(dir).write("a.conf", "[[inputs.cpu]]\nnamepass = \"cpu\"\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(notArray)).hasMessage(notArray + ":2: plugin inputs.cpu:"
                + " key \"namepass\": expected an array of strings such as [\"a\", \"b\"], got a string");
        Path mixed = new ConfigFiles(dir).write("b.conf", "[[inputs.cpu]]\nnamepass = [\"cpu\", 1]\n");
        assertThatThrownBy(() -> new ConfigFiles(dir).load(mixed)).hasMessage(mixed + ":2: plugin inputs.cpu:"
                + " key \"namepass\": expected an array of strings, but an element is an integer");
    }

    @Test
    void outputsReadTheSameFilters() {
        LoadedConfig out = new ConfigFiles(dir).loadText("[[outputs.file]]\nnamepass = [\"ipvs*\"]\ntagexclude = [\"host\"]\n");
        FilterSpec filter = out.outputs().get(0).outputSettings(out.agent()).filter();
        assertThat(filter.namePass()).containsExactly("ipvs*");
        assertThat(filter.tagExclude()).containsExactly("host");
    }

    @Test
    void noFiltersGiveNone() {
        assertThat(inputFilter("")).isEqualTo(FilterSpec.NONE);
    }
}
