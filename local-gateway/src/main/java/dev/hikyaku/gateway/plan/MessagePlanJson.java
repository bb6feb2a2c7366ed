package dev.hikyaku.gateway.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hikyaku.advisor.verdict.Level;
import dev.hikyaku.gateway.guard.ForceBccRule.BccMode;
import dev.hikyaku.gateway.guard.GuardEffect;
import dev.hikyaku.gateway.guard.GuardRule;
import dev.hikyaku.gateway.guard.Reason;
import dev.hikyaku.gateway.guard.confirm.ConfirmItem;
import dev.hikyaku.gateway.guard.confirm.Confirmation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link MessagePlan} as the queue stores it: plain JSON with names, not class names, so a stored plan
 * survives refactoring. The verdict evidence is not stored; the verdict cache holds it.
 */
public final class MessagePlanJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;

    private MessagePlanJson() {
    }

    /** The stored form of {@code plan}. */
    public static String write(MessagePlan plan) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        root.put("messageId", plan.sendPlan().messageId());
        root.put("builtAt", plan.sendPlan().builtAt().toEpochMilli());
        ArrayNode groups = root.putArray("groups");
        for (RecipientGroup group : plan.sendPlan().groups()) {
            ObjectNode node = groups.addObject();
            node.put("internal", group.internal());
            node.put("domain", group.domain());
            node.put("level", group.level().name());
            node.put("smimeReady", group.smimeReady());
            group.recipients().forEach(node.putArray("recipients")::add);
            node.put("action", ActionName.of(group.action()));
            ArrayNode choices = node.putArray("choices");
            group.choices().forEach(choice -> choices.add(ActionName.of(choice)));
        }
        ArrayNode hits = root.putArray("hits");
        for (RuleHit hit : plan.hits()) {
            ObjectNode node = hits.addObject();
            node.put("rule", hit.rule().id());
            reason(node, hit.reason());
        }
        plan.forceBcc().ifPresent(bcc -> {
            ObjectNode node = root.putObject("forceBcc");
            node.put("mode", bcc.mode().name());
            bcc.moved().forEach(node.putArray("moved")::add);
        });
        ArrayNode toConfirm = root.putArray("toConfirm");
        plan.toConfirm().forEach(item -> item(toConfirm.addObject(), item));
        ArrayNode confirmations = root.putArray("confirmations");
        for (Confirmation confirmation : plan.confirmations()) {
            ObjectNode node = confirmations.addObject();
            item(node.putObject("item"), confirmation.item());
            node.put("by", confirmation.confirmedBy());
            node.put("at", confirmation.at().toEpochMilli());
        }
        ObjectNode due = root.putObject("dueAt");
        plan.dueAt().forEach((address, at) -> due.put(address, at.toEpochMilli()));
        SmimeHandling smime = plan.smime();
        if (!smime.equals(SmimeHandling.none())) {
            ObjectNode node = root.putObject("smime");
            node.put("signing", smime.signing().name());
            node.put("signAs", smime.signAs());
            node.put("forward", smime.forward().name());
            ArrayNode notes = node.putArray("notes");
            smime.notes().forEach(note -> reason(notes.addObject(), note));
        }
        return root.toString();
    }

    private static void reason(ObjectNode node, Reason reason) {
        node.put("key", reason.key());
        ArrayNode arguments = node.putArray("args");
        for (Object argument : reason.arguments()) {
            if (argument instanceof Long number) {
                arguments.add(number);
            } else {
                arguments.add(String.valueOf(argument));
            }
        }
    }

    private static Reason reason(JsonNode node) {
        List<Object> arguments = new ArrayList<>();
        node.path("args").forEach(argument -> arguments.add(argument.isIntegralNumber()
                ? (Object) argument.asLong() : argument.asText()));
        return new Reason(node.path("key").asText(), arguments);
    }

    // A plan stored before S/MIME handling existed has none.
    private static SmimeHandling smime(JsonNode node) {
        if (node.isMissingNode()) {
            return SmimeHandling.none();
        }
        List<Reason> notes = new ArrayList<>();
        node.path("notes").forEach(note -> notes.add(reason(note)));
        try {
            return new SmimeHandling(SmimeHandling.Signing.valueOf(node.path("signing").asText()),
                    node.path("signAs").asText(), SmimeHandling.Forward.valueOf(node.path("forward").asText()), notes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown S/MIME handling in a stored plan", e);
        }
    }

    /**
     * The plan stored as {@code text}.
     *
     * @throws IllegalArgumentException when the text is not a stored plan of this version
     */
    public static MessagePlan read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored plan: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("not a stored plan of version " + VERSION);
        }
        List<RecipientGroup> groups = new ArrayList<>();
        for (JsonNode node : root.path("groups")) {
            List<GroupAction> choices = new ArrayList<>();
            node.path("choices").forEach(choice -> choices.add(action(choice.asText())));
            groups.add(new RecipientGroup(node.path("internal").asBoolean(), node.path("domain").asText(),
                    Level.valueOf(node.path("level").asText()), Optional.empty(), node.path("smimeReady").asBoolean(),
                    strings(node.path("recipients")), action(node.path("action").asText()), choices));
        }
        SendPlan sendPlan = new SendPlan(root.path("messageId").asText(),
                Instant.ofEpochMilli(root.path("builtAt").asLong()), groups);
        List<RuleHit> hits = new ArrayList<>();
        for (JsonNode node : root.path("hits")) {
            hits.add(new RuleHit(GuardRule.byId(node.path("rule").asText())
                    .orElseThrow(() -> new IllegalArgumentException("unknown rule in a stored plan")), reason(node)));
        }
        Optional<GuardEffect.ForceBcc> forceBcc = root.has("forceBcc")
                ? Optional.of(new GuardEffect.ForceBcc(BccMode.valueOf(root.path("forceBcc").path("mode").asText()),
                        strings(root.path("forceBcc").path("moved"))))
                : Optional.empty();
        List<ConfirmItem> toConfirm = new ArrayList<>();
        root.path("toConfirm").forEach(node -> toConfirm.add(item(node)));
        List<Confirmation> confirmations = new ArrayList<>();
        for (JsonNode node : root.path("confirmations")) {
            confirmations.add(new Confirmation(item(node.path("item")), node.path("by").asText(),
                    Instant.ofEpochMilli(node.path("at").asLong())));
        }
        Map<String, Instant> dueAt = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> due = root.path("dueAt").fields();
        while (due.hasNext()) {
            Map.Entry<String, JsonNode> entry = due.next();
            dueAt.put(entry.getKey(), Instant.ofEpochMilli(entry.getValue().asLong()));
        }
        return new MessagePlan(sendPlan, hits, forceBcc, toConfirm, confirmations, dueAt, smime(root.path("smime")));
    }

    private static void item(ObjectNode node, ConfirmItem item) {
        if (item instanceof ConfirmItem.Recipient recipient) {
            node.put("type", "recipient");
            node.put("address", recipient.address());
        } else if (item instanceof ConfirmItem.File file) {
            node.put("type", "file");
            node.put("position", file.position());
            node.put("name", file.fileName());
            node.put("size", file.size());
        }
    }

    private static ConfirmItem item(JsonNode node) {
        return switch (node.path("type").asText()) {
            case "recipient" -> new ConfirmItem.Recipient(node.path("address").asText());
            case "file" -> new ConfirmItem.File(node.path("position").asText(), node.path("name").asText(),
                    node.path("size").asLong());
            default -> throw new IllegalArgumentException("unknown item in a stored plan");
        };
    }

    private static GroupAction action(String name) {
        return ActionName.parse(name).orElseThrow(() -> new IllegalArgumentException("unknown action " + name));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
