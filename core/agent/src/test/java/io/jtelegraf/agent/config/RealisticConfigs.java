package io.jtelegraf.agent.config;

import java.util.List;

/**
 * Config files as operators write them for a load balancer: agent settings, global tags,
 * {@code inputs.ipvs}, {@code inputs.internal} and the file, influxdb and influxdb_v2 outputs,
 * with comments, arrays, inline tables and filter sub-tables. The seeds the mutation tests start
 * from; each one loads cleanly as written.
 */
final class RealisticConfigs {
    private RealisticConfigs() {
    }

    static final String FULL = """
            # jtelegraf on lb-01
            [global_tags]
              dc = "fra1"
              rack = 'r12'

            [agent]
              interval = "10s"
              round_interval = true
              metric_batch_size = 1000
              metric_buffer_limit = 10000
              collection_jitter = "0s"
              flush_interval = "10s"
              flush_jitter = "1s"
              precision = ""
              debug = false
              quiet = false
              logfile = ""
              logfile_rotation_max_size = "10MB"
              logfile_rotation_max_archives = 5
              hostname = "lb-01"
              omit_hostname = false

            [[inputs.ipvs]]
              ## IPVS statistics
              interval = "5s"
              name_prefix = "lb_"
              fieldexclude = ["pps_*"]
              [inputs.ipvs.tags]
                role = "edge"
              [inputs.ipvs.tagpass]
                protocol = ["tcp", "udp"]

            [[inputs.internal]]
              collect_memstats = true
              per_instance = false
              namepass = ["internal_*"]

            [[outputs.file]]
              files = ["stdout", "/tmp/metrics.out"]
              data_format = "influx"
              rotation_interval = "24h"
              rotation_max_size = "50MB"
              rotation_max_archives = 3
              influx_sort_fields = true

            [[outputs.influxdb]]
              urls = ["http://127.0.0.1:8086"]
              database = "telegraf"
              retention_policy = ""
              timeout = "5s"
              username = "telegraf"
              password = "s3cr3t-pw"
              content_encoding = "gzip"
              http_headers = {"X-Env" = "prod"}
              metric_batch_size = 500
              flush_interval = "5s"

            [[outputs.influxdb_v2]]
              urls = ["https://influx.example.com:8086"]
              token = "t0k3n-abc"
              organization = "ops"
              bucket = "lb"
              timeout = "5s"
              insecure_skip_verify = false
              [outputs.influxdb_v2.tagdrop]
                role = ["test*"]
            """;

    static final String LEGACY_FORMS = """
            [tags]
              env = "staging"

            [agent]
              Interval = "1m"
              FlushInterval = 30
              omit_hostname = true

            [inputs.ipvs]
              collection_offset = "2s"

            [[plugins.internal]]
              collect_memstats = false

            [[outputs.influxdb]]
              urls = [
                "http://10.0.0.1:8086",
                "http://10.0.0.2:8086",
              ]
              database_tag = "db"
              exclude_database_tag = true
              skip_database_creation = true
            """;

    static final String MINIMAL = """
            [[inputs.internal]]
            [[outputs.influxdb_v2]]
              urls = ["http://127.0.0.1:8086"]
              token = "${INFLUX_TOKEN}"
              bucket = "b"
            """;

    static List<String> all() {
        return List.of(FULL, LEGACY_FORMS, MINIMAL);
    }
}
