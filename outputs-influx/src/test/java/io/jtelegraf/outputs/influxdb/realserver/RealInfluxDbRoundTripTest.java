package io.jtelegraf.outputs.influxdb.realserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtelegraf.spi.Metric;
import io.jtelegraf.spi.lineprotocol.HostileStrings;
import io.jtelegraf.spi.lineprotocol.InfluxDb16ReadBack;
import io.jtelegraf.spi.lineprotocol.InfluxDb16ReadBack.Kind;
import io.jtelegraf.spi.lineprotocol.InfluxDb16ReadBack.Outcome;
import io.jtelegraf.spi.lineprotocol.InfluxDb16ReadBack.Role;
import io.jtelegraf.spi.lineprotocol.LineProtocolSerializer;
import io.jtelegraf.spi.lineprotocol.ReferenceLineProtocol;
import io.jtelegraf.spi.lineprotocol.SerializationException;
import io.jtelegraf.testkit.influx.InfluxDb1Server;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile strings written by the real serializer into a real InfluxDB 1.6 and queried back, one
 * line per string and position: what InfluxDB can read back unchanged must come back equal, and
 * everything else must come back exactly as {@link InfluxDb16ReadBack} says (the classes listed in
 * RELIABILITY.md). Every line is also compared with {@link ReferenceLineProtocol}'s bytes. The
 * string classes and the model come from core/spi's test jar; the server is the testing kit's.
 *
 * <p>Seeded: {@value #RANDOM_PER_ROLE} random strings per position from seed {@value #SEED}, plus
 * fixed examples of every class.
 */
class RealInfluxDbRoundTripTest {
    static final long SEED = 20260806L;
    static final int RANDOM_PER_ROLE = 150;

    /** One example of each class found by experiment, tried in every position. */
    static final List<String> EXAMPLES = List.of("plain", "a\tb", "a\nb", "a\rb", "a\fb", "a\\b", "a\\\\b",
            "a\\,b", "a\\ b", "a\\=b", "a\\\"b", "ab\\", "a\\\\", "\\ x", "\\\\,x", "a,b", "a b", "a=b", "a\"b",
            "#x", "x#", "\u0000x", "x\u0000y", "x\u0001\u000b\u001f\u007fy", "\u000bx", "é中😀\ud834\udd1e",
            "\u2028\ufeff", "bad\ud800", "a\\tb", "  x", "x ", "=x", "\"x\"", "'x'");

    private static final Map<Role, String> DATABASES = Map.of(Role.MEASUREMENT, "rt_measurement",
            Role.TAG_KEY, "rt_tag_key", Role.TAG_VALUE, "rt_tag_value", Role.FIELD_KEY, "rt_field_key",
            Role.STRING_VALUE, "rt_string_value");

    private record Case(int id, Role role, String text, Outcome expected) {
    }

    private final LineProtocolSerializer serializer = new LineProtocolSerializer();

    @Test
    void hostileStringsReadBackUnchangedOrExactlyAsModelled(@TempDir Path dir) throws Exception {
        List<Case> cases = cases();
        Map<Integer, Outcome> actual = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        try (InfluxDb1Server influx = InfluxDb1Server.start(dir)) {
            for (String database : DATABASES.values()) {
                influx.execute("CREATE DATABASE " + database);
            }
            for (Case c : cases) {
                Metric metric = metric(c);
                byte[] line;
                try {
                    line = serializer.serialize(metric);
                } catch (SerializationException e) {
                    actual.put(c.id(), Outcome.REFUSED_BY_SERIALIZER);
                    continue;
                }
                byte[] reference = ReferenceLineProtocol.line(metric).orElse(null);
                if (!java.util.Arrays.equals(line, reference)) {
                    mismatches.add(describe(c) + ": serializer bytes differ from the reference");
                }
                if (influx.write(DATABASES.get(c.role()), line) == 400) {
                    actual.put(c.id(), Outcome.REJECTED);
                }
            }
            readBack(influx, cases, actual);
        }
        Map<Role, Map<String, Integer>> classes = new EnumMap<>(Role.class);
        for (Case c : cases) {
            Outcome got = actual.getOrDefault(c.id(), Outcome.NOT_FOUND);
            if (!c.expected().allows(got)) {
                mismatches.add(describe(c) + ": expected " + c.expected() + ", got " + got);
            }
            String outcomeClass = got.kind() == Kind.READ_BACK
                    ? (got.value().equals(ReferenceLineProtocol.asOnTheWire(c.text())) ? "unchanged" : "changed")
                    : got.kind().toString().toLowerCase(Locale.ROOT);
            classes.computeIfAbsent(c.role(), r -> new TreeMap<>()).merge(outcomeClass, 1, Integer::sum);
        }
        System.out.println("InfluxDB 1.6 round trip of " + cases.size() + " lines (seed " + SEED + "): " + classes);
        assertThat(mismatches).isEmpty();
        // The test must be able to see both: strings that survive and strings that do not.
        assertThat(classes.get(Role.TAG_VALUE)).containsKeys("unchanged", "changed");
        assertThat(classes.get(Role.FIELD_KEY)).containsKeys("unchanged", "changed", "rejected");
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Random random = new Random(SEED);
        for (Role role : Role.values()) {
            List<String> texts = new ArrayList<>(EXAMPLES);
            while (texts.size() < EXAMPLES.size() + RANDOM_PER_ROLE) {
                String text = HostileStrings.next(random, 6);
                if (usable(role, text)) {
                    texts.add(text);
                }
            }
            for (String text : texts) {
                cases.add(new Case(cases.size() + 1, role, text, InfluxDb16ReadBack.expected(role, text)));
            }
        }
        return cases;
    }

    /**
     * Leaves out strings that collide with the test's own names, and field keys made only of NUL
     * characters (InfluxDB stores those under a name of its own invention).
     */
    private static boolean usable(Role role, String text) {
        if (List.of("case", "time", "v", "s", "t").contains(text)) {
            return false;
        }
        return role != Role.FIELD_KEY || !text.replace("\u0000", "").isEmpty();
    }

    private static Metric metric(Case c) {
        String id = Integer.toString(c.id());
        Metric.Builder builder = switch (c.role()) {
            case MEASUREMENT -> Metric.builder(c.text()).tag("case", id).field("v", 1L);
            case TAG_KEY -> Metric.builder("lp").tag("case", id).tag(c.text(), "x").field("v", 1L);
            case TAG_VALUE -> Metric.builder("lp").tag("case", id).tag("t", c.text()).field("v", 1L);
            case FIELD_KEY -> Metric.builder("lp").tag("case", id).field(c.text(), 1L);
            case STRING_VALUE -> Metric.builder("lp").tag("case", id).field("s", c.text());
        };
        return builder.time(c.id()).build();
    }

    /** Queries each database once and records what came back for each case id. */
    @SuppressWarnings("unchecked")
    private static void readBack(InfluxDb1Server influx, List<Case> cases, Map<Integer, Outcome> actual)
            throws Exception {
        Map<Integer, Case> byId = new HashMap<>();
        cases.forEach(c -> byId.put(c.id(), c));
        for (Role role : Role.values()) {
            String query = switch (role) {
                case MEASUREMENT -> "SELECT * FROM /.*/ GROUP BY *";
                case TAG_KEY, TAG_VALUE -> "SELECT * FROM lp GROUP BY *";
                case FIELD_KEY, STRING_VALUE -> "SELECT * FROM lp GROUP BY \"case\"";
            };
            Map<String, Object> answer = (Map<String, Object>) influx.query(DATABASES.get(role), query);
            List<Object> results = (List<Object>) answer.get("results");
            List<Object> series = (List<Object>) ((Map<String, Object>) results.get(0)).getOrDefault("series", List.of());
            for (Object item : series) {
                Map<String, Object> one = (Map<String, Object>) item;
                Map<String, Object> tags = (Map<String, Object>) one.get("tags");
                String caseTag = tags == null ? "" : String.valueOf(tags.get("case"));
                if (caseTag.isEmpty() || !byId.containsKey(Integer.valueOf(caseTag))) {
                    continue;
                }
                int id = Integer.parseInt(caseTag);
                if (actual.containsKey(id)) {
                    continue;
                }
                actual.put(id, outcome(role, one, tags));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Outcome outcome(Role role, Map<String, Object> series, Map<String, Object> tags) {
        switch (role) {
            case MEASUREMENT:
                return Outcome.readBack((String) series.get("name"));
            case TAG_KEY: {
                List<String> keys = tags.entrySet().stream()
                        .filter(e -> !e.getKey().equals("case") && !String.valueOf(e.getValue()).isEmpty())
                        .map(Map.Entry::getKey).toList();
                return keys.isEmpty() ? Outcome.TAG_OMITTED : Outcome.readBack(String.join("|", keys));
            }
            case TAG_VALUE: {
                String value = String.valueOf(tags.getOrDefault("t", ""));
                return value.isEmpty() ? Outcome.TAG_OMITTED : Outcome.readBack(value);
            }
            default: {
                List<Object> columns = (List<Object>) series.get("columns");
                List<Object> row = (List<Object>) ((List<Object>) series.get("values")).get(0);
                List<String> present = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    if (row.get(i) != null && !columns.get(i).equals("time")) {
                        present.add(role == Role.FIELD_KEY ? (String) columns.get(i) : String.valueOf(row.get(i)));
                    }
                }
                return Outcome.readBack(String.join("|", present));
            }
        }
    }

    private static String describe(Case c) {
        return "case " + c.id() + " " + c.role() + " " + InfluxDb16ReadBack.Printable.of(c.text());
    }
}
