package dev.hikyaku.testworld.smtp;

import java.io.IOException;

/** A client sent a line longer than the MX accepts; the rest of that line has been skipped. */
final class LineTooLongException extends IOException {

    LineTooLongException(int limit) {
        super("line longer than " + limit + " bytes");
    }
}
