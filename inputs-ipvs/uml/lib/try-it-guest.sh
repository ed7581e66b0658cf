# Guest scenario of try-it.sh (sourced by guest-init.sh): the showcase IPVS table with live
# traffic, and the agent running for TRY_SECONDS with its output in $UMLH_WORK/agent.out.
umlh_load_modules && umlh_network_setup && umlh_table_showcase && umlh_servers_start && umlh_hold_start 2 1 ||
    exit 1
umlh_log "IPVS table ready: $(umlh_service_count) services"
# Traffic for the whole run, a few exchanges per second per protocol and family.
umlh_bg traffic umlh_traffic "$TRY_SECONDS" 3 "$UMLH_WORK/traffic.txt"
umlh_bg agent "$TRY_AGENT" --config "$TRY_CONFIG" > "$UMLH_WORK/agent.out" 2> "$UMLH_WORK/agent.err"
# The run's length is the point here, so a plain bounded wait is right.
sleep "$TRY_SECONDS"
umlh_stop agent
umlh_stop traffic
ipvsadm -L -n --stats --exact > "$UMLH_WORK/ipvsadm-final.txt"
ipvsadm -Ln >> "$UMLH_WORK/ipvsadm-final.txt"
exit 0
