package io.jtelegraf.agent.filter;

import java.util.List;
import java.util.Map;

/**
 * The metric filters of one plugin table, as the user wrote them (spec 2.3): patterns are
 * compiled later by the filter itself. An empty list or map means "not configured".
 *
 * @param namePass namepass patterns
 * @param namePassSeparators namepass_separator runes ("" = none)
 * @param nameDrop namedrop patterns
 * @param nameDropSeparators namedrop_separator runes
 * @param tagPass tagpass: tag key to value patterns
 * @param tagDrop tagdrop: tag key to value patterns
 * @param fieldInclude fieldinclude (with the legacy fieldpass and pass appended)
 * @param fieldExclude fieldexclude (with the legacy fielddrop and drop appended)
 * @param tagInclude taginclude patterns
 * @param tagExclude tagexclude patterns
 */
public record FilterSpec(
        List<String> namePass,
        String namePassSeparators,
        List<String> nameDrop,
        String nameDropSeparators,
        Map<String, List<String>> tagPass,
        Map<String, List<String>> tagDrop,
        List<String> fieldInclude,
        List<String> fieldExclude,
        List<String> tagInclude,
        List<String> tagExclude) {

    /** No filter at all. */
    public static final FilterSpec NONE = new FilterSpec(List.of(), "", List.of(), "", Map.of(), Map.of(),
            List.of(), List.of(), List.of(), List.of());

    public FilterSpec {
        namePass = List.copyOf(namePass);
        nameDrop = List.copyOf(nameDrop);
        tagPass = Map.copyOf(tagPass);
        tagDrop = Map.copyOf(tagDrop);
        fieldInclude = List.copyOf(fieldInclude);
        fieldExclude = List.copyOf(fieldExclude);
        tagInclude = List.copyOf(tagInclude);
        tagExclude = List.copyOf(tagExclude);
    }
}
