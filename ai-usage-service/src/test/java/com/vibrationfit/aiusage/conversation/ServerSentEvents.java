package com.vibrationfit.aiusage.conversation;

import java.util.ArrayList;
import java.util.List;

/** A {@code text/event-stream} body split into its events (name and data), as a browser's EventSource sees them. */
record ServerSentEvents(List<Event> events) {

    record Event(String name, String data) {
    }

    static ServerSentEvents parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, data.toString()));
            }
        }
        return new ServerSentEvents(events);
    }

    List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    List<Event> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    Event last() {
        return events.get(events.size() - 1);
    }
}
