package dev.hikyaku.gateway.guard;

import dev.hikyaku.gateway.mime.Attachment;
import dev.hikyaku.gateway.mime.MailAddress;
import dev.hikyaku.gateway.mime.MessageSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A message summary built field by field, as the analyser would report it, and its envelope. */
final class Mail {
    private String from = "taro@example.co.jp";
    private final List<String> to = new ArrayList<>();
    private final List<String> cc = new ArrayList<>();
    private final List<String> bcc = new ArrayList<>();
    private String subject = "お見積もりの件";
    private String body = "いつもお世話になっております。";
    private final List<Attachment> attachments = new ArrayList<>();
    private long size = 4096;

    static Mail message() {
        return new Mail();
    }

    Mail from(String address) {
        from = address;
        return this;
    }

    Mail to(String... addresses) {
        to.addAll(List.of(addresses));
        return this;
    }

    Mail cc(String... addresses) {
        cc.addAll(List.of(addresses));
        return this;
    }

    Mail bcc(String... addresses) {
        bcc.addAll(List.of(addresses));
        return this;
    }

    Mail subject(String text) {
        subject = text;
        return this;
    }

    Mail body(String text) {
        body = text;
        return this;
    }

    Mail attach(String name, long bytes) {
        attachments.add(new Attachment(Integer.toString(attachments.size() + 2), name, "application/pdf", bytes, false));
        return this;
    }

    Mail inlineImage(String name) {
        attachments.add(new Attachment(Integer.toString(attachments.size() + 2), name, "image/png", 100, true));
        return this;
    }

    Mail size(long bytes) {
        size = bytes;
        return this;
    }

    MessageSummary summary() {
        return new MessageSummary(Optional.of("<1@example.co.jp>"), Optional.empty(), addresses(List.of(from)),
                List.of(), List.of(), addresses(to), addresses(cc), List.of(), subject, body, attachments, false, false,
                size, List.of());
    }

    /** The input with the header's From as envelope sender and To, Cc and Bcc as envelope recipients. */
    GuardInput input() {
        return new GuardInput(summary(), from, Stream.of(to, cc, bcc).flatMap(List::stream).toList());
    }

    private static List<MailAddress> addresses(List<String> addresses) {
        return addresses.stream().map(address -> new MailAddress(address, "")).toList();
    }
}
