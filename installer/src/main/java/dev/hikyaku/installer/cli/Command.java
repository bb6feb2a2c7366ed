package dev.hikyaku.installer.cli;

import java.util.List;
import java.util.Optional;

/** What the {@code hikyaku} command line asks for: one of the programs it bundles, or its own usage. */
public sealed interface Command {
    /** {@code hikyaku check ...}: the TLS verdict command line, given every word (it expects "check" first). */
    record Advisor(List<String> arguments) implements Command {
        /** Copies the words. */
        public Advisor {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code hikyaku gateway run|check|help ...}: the gateway without a window, given the words after "gateway". */
    record Gateway(List<String> arguments) implements Command {
        /** Copies the words. */
        public Gateway {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code hikyaku app [--lang=ja] ...}: the window, given the words after "app". */
    record App(List<String> arguments) implements Command {
        /** Copies the words. */
        public App {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * The command's own usage: asked for ({@code help}, {@code --help}, nothing), or after a word it does not know.
     *
     * @param unknown the word it did not understand, if that is why
     */
    record Usage(Optional<String> unknown) implements Command {
        /** Whether the user asked for it, so it goes to standard output and the exit code is 0. */
        public boolean asked() {
            return unknown.isEmpty();
        }
    }

    /** Reads the first word; the rest belongs to the program it names. */
    static Command parse(List<String> words) {
        if (words.isEmpty()) {
            return new Usage(Optional.empty());
        }
        String first = words.get(0);
        List<String> rest = words.subList(1, words.size());
        return switch (first) {
            case "check" -> new Advisor(words);
            case "gateway" -> new Gateway(rest);
            case "app" -> new App(rest);
            case "help", "--help", "-h" -> new Usage(Optional.empty());
            default -> new Usage(Optional.of(first));
        };
    }
}
