package io.jtelegraf.agent.config;

import io.jtelegraf.spi.ConfigException;

/**
 * Strict environment handling (Telegraf's default since 1.38, spec 1.2): templates are resolved
 * inside parsed string values only, so a variable can never change the TOML structure, and
 * {@code port = ${PORT}} is a syntax error rather than an injection point.
 */
final class StrictEnvironment {
    private StrictEnvironment() {
    }

    /** Resolves templates in each string value; a required variable without value fails at its line. */
    static TomlDocumentParser.StringValues strings(EnvTemplate template) {
        return (value, where) -> {
            try {
                return template.substitute(value);
            } catch (EnvTemplate.MissingValueException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        };
    }

    /**
     * Non-strict handling: resolves templates in the whole (comment-free) text before parsing,
     * line by line so an error names its line. A template never spans lines, so this gives the
     * same text as one pass over the whole file.
     */
    static String substituteText(String source, String text, EnvTemplate template) {
        StringBuilder out = new StringBuilder(text.length());
        int lineNumber = 1;
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            try {
                out.append(template.substitute(text.substring(start, end)));
            } catch (EnvTemplate.MissingValueException e) {
                throw new ConfigException(source + ":" + lineNumber + ": " + e.getMessage());
            }
            if (newline < 0) {
                break;
            }
            out.append('\n');
            start = newline + 1;
            lineNumber++;
        }
        return out.toString();
    }
}
