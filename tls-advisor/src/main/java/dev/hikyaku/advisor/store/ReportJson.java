package dev.hikyaku.advisor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hikyaku.advisor.evidence.DomainReport;

/** The one JSON form of a {@link DomainReport}: what the CLI prints with --json and what the cache stores. */
public final class ReportJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One line of JSON. */
    public String write(DomainReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report is plain data and always serialisable", e);
        }
    }

    /** The command line's {@code --json} line: the report with its level and reason sentence first. */
    public String writeWithReason(DomainReport report, String reason) {
        ObjectNode line = mapper.createObjectNode();
        line.put("domain", report.domain());
        line.put("level", report.verdict().level().name());
        line.put("reason", reason);
        ObjectNode rest = mapper.valueToTree(report);
        rest.remove("domain");
        line.setAll(rest);
        return line.toString();
    }

    /** Reads what {@link #write} wrote; throws {@link JsonProcessingException} for anything else. */
    public DomainReport read(String json) throws JsonProcessingException {
        return mapper.readValue(json, DomainReport.class);
    }
}
