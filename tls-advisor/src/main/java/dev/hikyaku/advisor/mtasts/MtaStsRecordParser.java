package dev.hikyaku.advisor.mtasts;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Picks and parses the one {@code v=STSv1} TXT record at {@code _mta-sts.<domain>} (RFC 8461 section 3.1). */
public final class MtaStsRecordParser {
    private static final String VERSION = "v=STSv1";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern EXT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");
    private static final Pattern EXT_VALUE = Pattern.compile("[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");

    /**
     * Chooses among the TXT records found (each already joined from its strings).
     *
     * @return empty when no record starts with {@code v=STSv1}: the domain has no policy
     * @throws PolicySyntaxException when several do, or the one there is malformed: RFC 8461 says to then
     *                               treat the domain as having no usable policy, which we report as a finding
     */
    public Optional<MtaStsRecord> parse(List<String> txtRecords) throws PolicySyntaxException {
        List<String> candidates = txtRecords.stream().filter(MtaStsRecordParser::isStsRecord).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (candidates.size() > 1) {
            throw new PolicySyntaxException(candidates.size() + " v=STSv1 TXT records where exactly one is allowed");
        }
        return Optional.of(parseOne(candidates.get(0)));
    }

    private static boolean isStsRecord(String text) {
        return text.startsWith(VERSION) && (text.length() == VERSION.length() || "; \t".indexOf(text.charAt(VERSION.length())) >= 0);
    }

    private static MtaStsRecord parseOne(String text) throws PolicySyntaxException {
        String[] fields = text.split(";", -1);
        String id = null;
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.isEmpty() && i == fields.length - 1) {
                continue; // a single trailing ';' is allowed
            }
            int equals = field.indexOf('=');
            if (equals <= 0) {
                throw new PolicySyntaxException("TXT field " + i + " is not name=value");
            }
            String name = field.substring(0, equals);
            String value = field.substring(equals + 1);
            if (name.equals("id")) {
                if (id != null) {
                    throw new PolicySyntaxException("TXT record has two id fields");
                }
                if (!ID.matcher(value).matches()) {
                    throw new PolicySyntaxException("TXT id is not 1 to 32 letters or digits");
                }
                id = value;
            } else if (!EXT_NAME.matcher(name).matches() || !EXT_VALUE.matcher(value).matches()) {
                throw new PolicySyntaxException("TXT field " + i + " is malformed");
            }
        }
        if (!fields[0].strip().equals(VERSION)) {
            throw new PolicySyntaxException("TXT record does not start with v=STSv1");
        }
        if (id == null) {
            throw new PolicySyntaxException("TXT record has no id field");
        }
        return new MtaStsRecord(id);
    }
}
