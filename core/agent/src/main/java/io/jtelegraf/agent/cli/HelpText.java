package io.jtelegraf.agent.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The help of one command ({@code --help}), made from its flag table and subcommands: usage line,
 * summary, subcommands, then the flags with their help, in the order the command lists them.
 * Lines are kept within 80 columns for a terminal's default width.
 */
final class HelpText {
    private static final int WIDTH = 80;
    private static final int INDENT = 2;
    /** Help texts start here at the latest; longer flag names put their text on the next line. */
    private static final int MAX_NAME_COLUMN = 30;
    private static final String HELP_FLAG_TEXT = "Show this help and exit.";
    private static final String FLAG_FORMS = "A flag may be written -name or --name, and its value as --name value or"
            + " --name=value.";

    private HelpText() {
    }

    static String render(Command<?> command, String path) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: ").append(path).append(" [flags]");
        if (!command.subcommands().isEmpty()) {
            out.append(" [command]");
        }
        out.append("\n\n").append(command.summary()).append('\n');
        if (!command.subcommands().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            command.subcommands().forEach(subcommand ->
                    rows.add(new String[] {subcommand.command().name(), subcommand.command().summary()}));
            out.append("\nCommands:\n");
            appendTable(out, rows);
        }
        List<String[]> rows = new ArrayList<>();
        for (Flag<?> flag : command.flags()) {
            if (!flag.isHidden()) {
                rows.add(new String[] {names(flag.names(), flag.valueLabel()), flag.help()});
            }
        }
        rows.add(new String[] {names(CommandLineParser.HELP_NAMES, null), HELP_FLAG_TEXT});
        out.append("\nFlags:\n");
        appendTable(out, rows);
        out.append('\n');
        wrap(out, FLAG_FORMS, 0);
        return out.toString();
    }

    /** {@code -v, --verbose}, then the value's label: one-letter names take one dash, as usual. */
    private static String names(List<String> names, String valueLabel) {
        List<String> forms = new ArrayList<>();
        names.stream().filter(name -> name.length() == 1).forEach(name -> forms.add("-" + name));
        names.stream().filter(name -> name.length() > 1).forEach(name -> forms.add("--" + name));
        String joined = String.join(", ", forms);
        return valueLabel == null ? joined : joined + " " + valueLabel;
    }

    /** Rows of name and text, the texts aligned in one column. */
    private static void appendTable(StringBuilder out, List<String[]> rows) {
        int column = INDENT;
        for (String[] row : rows) {
            column = Math.max(column, Math.min(MAX_NAME_COLUMN, INDENT + row[0].length() + 2));
        }
        for (String[] row : rows) {
            out.append(" ".repeat(INDENT)).append(row[0]);
            int used = INDENT + row[0].length();
            if (used + 2 > column) {
                out.append('\n');
                used = 0;
            }
            out.append(" ".repeat(column - used));
            wrap(out, row[1], column);
        }
    }

    /** Appends {@code text} broken at spaces within {@link #WIDTH}, continuation lines indented. */
    private static void wrap(StringBuilder out, String text, int indent) {
        int lineLength = indent;
        boolean lineEmpty = true;
        for (String word : text.split(" ")) {
            if (!lineEmpty && lineLength + 1 + word.length() > WIDTH) {
                out.append('\n').append(" ".repeat(indent));
                lineLength = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
            lineEmpty = false;
        }
        out.append('\n');
    }
}
