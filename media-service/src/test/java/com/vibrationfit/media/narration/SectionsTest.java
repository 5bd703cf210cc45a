package com.vibrationfit.media.narration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** The section keys the API documents are the ones media-service narrates, in the same order. */
class SectionsTest {

    @Test
    void shouldDocumentTheSectionKeysItNarrates() throws Exception {
        Schema schema = AudioTrackView.class.getDeclaredField("sectionKey").getAnnotation(Schema.class);
        assertEquals(Sections.KEYS, List.of(schema.enumeration()));
        assertEquals(Sections.KEYS.size(), Sections.COUNT);
        assertEquals(Sections.KEYS.stream().mapToInt(String::length).max().orElseThrow(), Sections.KEY_MAX_LENGTH);
    }
}
