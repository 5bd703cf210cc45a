package com.vibrationfit.platform.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code text/event-stream} body split into its events (name and data), as a browser's EventSource sees them.
 * Needs nothing but the JDK, so system tests use it too.
 */
public record ServerSentEvents(List<Event> events) {

    public record Event(String name, String data) {}

    public static ServerSentEvents parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n")
                            .append(line.substring(5).stripLeading());
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, data.toString()));
            }
        }
        return new ServerSentEvents(events);
    }

    public List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    public List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    public Event last() {
        return events.get(events.size() - 1);
    }
}
