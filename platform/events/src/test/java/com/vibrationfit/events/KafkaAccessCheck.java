package com.vibrationfit.events;

import com.vibrationfit.events.KafkaDeployment.Acl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks deployed Kafka resources against what the services do: every topic and dead-letter topic a consumer uses
 * has a KafkaTopic, and the service's KafkaUser may read the topic, read and write its dead letters, read as its
 * group, and write every topic it produces. Each problem in words.
 */
final class KafkaAccessCheck {

    /** One consumer channel of a service: the topic it reads and its dead-letter topic. */
    record Consumed(String channel, String topic, String deadLetter) {}

    private KafkaAccessCheck() {}

    static List<String> problems(
            Map<String, List<Consumed>> consumedByService,
            Map<String, Set<String>> writtenByService,
            Set<String> kafkaTopics,
            Map<String, List<Acl>> usersAcls) {
        List<String> problems = new ArrayList<>();
        consumedByService.forEach((service, channels) -> {
            List<Acl> acls = usersAcls.get(service);
            if (acls == null) {
                problems.add(service + " consumes but has no KafkaUser");
                return;
            }
            for (Consumed c : channels) {
                if (!kafkaTopics.contains(c.topic())) {
                    problems.add("no KafkaTopic for " + c.topic() + " (" + service + " " + c.channel() + ")");
                }
                if (c.deadLetter() == null) {
                    problems.add(service + " " + c.channel() + " has no dead-letter topic");
                } else if (!kafkaTopics.contains(c.deadLetter())) {
                    problems.add("no KafkaTopic for " + c.deadLetter() + " (" + service + " " + c.channel() + ")");
                }
                if (!allows(acls, "topic", c.topic(), "Read")) {
                    problems.add(service + " may not read " + c.topic());
                }
                if (c.deadLetter() != null
                        && !(allows(acls, "topic", c.deadLetter(), "Write")
                                && allows(acls, "topic", c.deadLetter(), "Read"))) {
                    problems.add(service + " may not write and read its dead-letter topic " + c.deadLetter());
                }
            }
            if (!channels.isEmpty() && !allows(acls, "group", service, "Read")) {
                problems.add(service + " may not read as its consumer group " + service);
            }
        });
        writtenByService.forEach((service, topics) -> {
            List<Acl> acls = usersAcls.getOrDefault(service, List.of());
            for (String topic : topics) {
                if (!kafkaTopics.contains(topic)) {
                    problems.add("no KafkaTopic for " + topic + " (written by " + service + ")");
                }
                if (!allows(acls, "topic", topic, "Write")) {
                    problems.add(service + " may not write " + topic);
                }
            }
        });
        return problems;
    }

    private static boolean allows(List<Acl> acls, String type, String name, String operation) {
        return acls.stream()
                .anyMatch(acl -> acl.type().equals(type)
                        && (acl.patternType().equals("prefix")
                                ? name.startsWith(acl.name())
                                : acl.name().equals(name))
                        && (acl.operations().contains(operation)
                                || acl.operations().contains("All")));
    }
}
