package io.jtelegraf.agent.runtime;

import io.jtelegraf.agent.filter.FilterSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The effective common options of one input instance (spec 2.1), agent values already applied
 * where the plugin did not override them.
 *
 * @param pluginId for example {@code inputs.ipvs}
 * @param alias the instance alias
 * @param interval gather interval, &gt; 0
 * @param precision timestamp rounding; {@link Duration#ZERO} = derive from the interval (spec 4.4)
 * @param collectionJitter random delay bound per gather
 * @param collectionOffset fixed schedule shift, &ge; 0
 * @param roundInterval align ticks to multiples of the interval
 * @param nameOverride "" = none
 * @param namePrefix "" = none
 * @param nameSuffix "" = none
 * @param tags the plugin's {@code tags} table
 * @param filter namepass, tagpass, fieldinclude... of this input
 */
public record InputSettings(
        String pluginId,
        Optional<String> alias,
        Duration interval,
        Duration precision,
        Duration collectionJitter,
        Duration collectionOffset,
        boolean roundInterval,
        String nameOverride,
        String namePrefix,
        String nameSuffix,
        Map<String, String> tags,
        FilterSpec filter) {

    public InputSettings {
        tags = Map.copyOf(tags);
    }

    /** The log source: {@code inputs.ipvs} or {@code inputs.ipvs::alias}. */
    public String logName() {
        return alias.map(a -> pluginId + "::" + a).orElse(pluginId);
    }
}
