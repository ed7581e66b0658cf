package io.jtelegraf.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A configuration as a Telegraf user keeps it, run by the real binary: an agent file plus a
 * {@code jtelegraf.d} folder with two inputs and two outputs, environment variables in every
 * strict-mode form, global and per-plugin tags, renames, and filters on both sides. The exact
 * lines in each output file (and on stdout for {@code --test}) are the ones Telegraf writes for
 * the same files (spec 1.3, 1.8, 2.3, 2.4, 3, 6).
 */
class RealisticConfigIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String GREETED = "O'Brien \"Al\"";

    /** inputs.hello #1: namepass sees "hello" before the prefix; plugin, global and env tags added. */
    private static final String ALICE_ALL = "app_hello,dc=eu-west,env=${JT_IT_DEPLOY_ENV},host=lb1,"
            + "name=O'Brien\\ \"Al\",rack=r7,role=web big=9223372036854775807i,count=1i,"
            + "greeting=\"hello, O'Brien \\\"Al\\\"\",up=true 1700000000000000000";
    /** inputs.hello #2 (alias "second"): renamed, and taginclude keeps three tags only. */
    private static final String BOB_ALL = "greeter,host=lb1,name=bob,team=ops big=9223372036854775807i,count=1i,"
            + "greeting=\"hello, bob\",ratio=0.5,up=true 1700000060000000000";
    /** outputs.file "web": namepass/tagpass select, fieldinclude/tagexclude trim, name_suffix renames. */
    private static final String ALICE_WEB = "app_hello_v1,dc=eu-west,env=${JT_IT_DEPLOY_ENV},host=lb1,"
            + "name=O'Brien\\ \"Al\",role=web greeting=\"hello, O'Brien \\\"Al\\\"\",count=1i,"
            + "big=9223372036854775807i 1700000000000000000";
    private static final String INTERNAL_ALL = "internal_agent,host=lb1 gather_errors=0i \\d{19}";

    @TempDir
    Path temp;

    private Path plugins;
    private Path agentFile;
    private Path directory;
    private Path out;

    @BeforeEach
    void configFolder() throws IOException {
        plugins = PluginsWithHello.create(temp);
        out = Files.createDirectories(temp.resolve("out"));
        agentFile = Files.writeString(temp.resolve("jtelegraf.conf"), """
                # The agent file, as in /etc/telegraf/telegraf.conf
                [global_tags]
                  dc = "${JT_IT_DC:-eu-west}"   # unset: the default applies
                  rack = "$JT_IT_RACK"          # set
                  env = "${JT_IT_DEPLOY_ENV}"   # unset: kept as written, as Telegraf does

                [agent]
                  interval = "10s"
                  round_interval = true
                  metric_batch_size = 1000
                  metric_buffer_limit = 10000
                  flush_interval = "10s"
                  hostname = "lb1"
                  # password = "${JT_IT_NOT_EVEN_READ:?comments are never expanded}"
                """);
        directory = Files.createDirectories(temp.resolve("jtelegraf.d"));
        Files.writeString(directory.resolve("10-inputs.conf"), """
                [[inputs.hello]]
                  name = "${JT_IT_GREETED}"      # quotes in the value cannot break the TOML
                  timestamp = 1700000000
                  name_prefix = "app_"
                  namepass = ["hel*"]            # the name before the prefix
                  fieldexclude = ["ratio"]
                  [inputs.hello.tags]
                    role = "web"

                [[inputs.hello]]
                  alias = "second"
                  name = "bob"
                  timestamp = 1700000060
                  name_override = "greeter"
                  tagpass = { name = ["b?b"] }   # the plugin's own tag
                  taginclude = ["name", "host", "team"]
                  tags = { team = "${JT_IT_TEAM:-ops}", dropped = "by taginclude" }

                [[inputs.internal]]
                  namepass = ["internal_agent"]
                  fieldinclude = ["gather_errors"]
                  taginclude = ["host"]
                """);
        Files.writeString(directory.resolve("20-outputs.conf"), """
                [[outputs.file]]
                  files = ["${JT_IT_OUT}/all.out"]
                  data_format = "influx"
                  influx_sort_fields = true

                [[outputs.file]]
                  alias = "web"
                  files = ["${JT_IT_OUT}/web.out"]
                  namepass = ["app_*"]           # the name after the input's rename
                  tagpass = { role = ["web"] }
                  fieldinclude = ["greeting", "count", "big"]
                  tagexclude = ["rack"]
                  name_suffix = "_v1"
                """);
        Files.writeString(directory.resolve("README.txt"), "[[inputs.not_loaded]]\n");
    }

    @Test
    void onceWritesTheExactLinesToEachOutputFile() throws Exception {
        JtelegrafProcess.Result result = run("--once");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEmpty();
        List<String> all = Files.readAllLines(out.resolve("all.out"));
        assertThat(all).as("inputs gather concurrently, so only the set of lines is fixed").hasSize(3)
                .contains(ALICE_ALL, BOB_ALL)
                .anySatisfy(line -> assertThat(line).matches(INTERNAL_ALL));
        assertThat(out.resolve("web.out")).content().isEqualTo(ALICE_WEB + "\n");
        assertThat(result.stderr()).contains("I! [agent] Loaded inputs: hello (2x) internal\n",
                "I! [agent] Loaded outputs: file (2x)\n",
                "I! [agent] Tags enabled: dc=eu-west env=${JT_IT_DEPLOY_ENV} host=lb1 rack=r7\n");
    }

    @Test
    void testPrintsTheInputSideLinesSortedWithUnsignedIntegers() throws Exception {
        JtelegrafProcess.Result result = run("--test");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).hasSize(3).contains(
                "> app_hello,dc=eu-west,env=${JT_IT_DEPLOY_ENV},host=lb1,name=O'Brien\\ \"Al\",rack=r7,role=web "
                        + "big=18446744073709551615u,count=1i,greeting=\"hello, O'Brien \\\"Al\\\"\",up=true "
                        + "1700000000000000000",
                "> greeter,host=lb1,name=bob,team=ops big=18446744073709551615u,count=1i,greeting=\"hello, bob\","
                        + "ratio=0.5,up=true 1700000060000000000")
                .anySatisfy(line -> assertThat(line).matches("> " + INTERNAL_ALL));
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void theSameFolderPassesConfigCheck() throws Exception {
        JtelegrafProcess.Result result = run("config", "check");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void nonStrictHandlingSplicesTheValueIntoTheTextAndBreaksOnItsQuotes() throws Exception {
        JtelegrafProcess.Result result = run("--test", "--non-strict-env-handling");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr()).contains("E! [jtelegraf] Error running agent: " + directory.resolve("10-inputs.conf")
                + ":2");
    }

    @Test
    void credentialsOfTheInfluxOutputsReachNoLogLineInAnyMode() throws Exception {
        String password = "pw-5e1f9c-secret";
        String token = "tok-a83b27-secret";
        // Nothing listens on port 1: every write fails, and the failure is logged at each level.
        Files.writeString(directory.resolve("30-influx.conf"), """
                [[outputs.influxdb]]
                  urls = ["http://127.0.0.1:1"]
                  skip_database_creation = true
                  username = "jtelegraf"
                  password = "${JT_IT_PASSWORD}"

                [[outputs.influxdb_v2]]
                  urls = ["http://127.0.0.1:1"]
                  token = "%s"
                  organization = "lb"
                  bucket = "metrics"
                """.formatted(token));
        Map<String, String> secret = Map.of("JT_IT_PASSWORD", password);

        JtelegrafProcess.Result test = run(secret, "--test", "--debug");
        JtelegrafProcess.Result once = run(secret, "--once", "--debug");
        JtelegrafProcess.Result check = run(secret, "config", "check", "--debug");

        assertThat(test.exitCode()).as(test.toString()).isZero();
        assertThat(test.stderr()).contains("I! [agent] Loaded outputs: file (2x) influxdb influxdb_v2\n");
        assertThat(once.exitCode()).as("nothing could be sent: " + once).isEqualTo(1);
        assertThat(once.stderr()).contains("E! [agent] Error writing to outputs.influxdb_v2");
        assertThat(check.exitCode()).as(check.toString()).isZero();
        for (JtelegrafProcess.Result result : List.of(test, once, check)) {
            assertThat(result.stdout() + result.stderr()).as(result.toString())
                    .doesNotContain(password).doesNotContain(token).doesNotContain("-secret");
        }
    }

    private JtelegrafProcess.Result run(String... mode) throws Exception {
        return run(Map.of(), mode);
    }

    private JtelegrafProcess.Result run(Map<String, String> extraEnvironment, String... mode) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("JT_IT_GREETED", GREETED);
        environment.put("JT_IT_RACK", "r7");
        environment.put("JT_IT_OUT", out.toString());
        environment.putAll(extraEnvironment);
        List<String> arguments = new ArrayList<>(List.of(mode));
        arguments.addAll(List.of("--config", agentFile.toString(), "--config-directory", directory.toString(),
                "--plugin-directory", plugins.toString()));
        return JtelegrafProcess.run(JtelegrafProcess.distribution().resolve("bin/jtelegraf"), TIMEOUT, environment,
                arguments.toArray(String[]::new));
    }
}
