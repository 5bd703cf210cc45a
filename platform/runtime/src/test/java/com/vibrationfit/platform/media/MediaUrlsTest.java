package com.vibrationfit.platform.media;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vibrationfit.platform.errors.InvalidRequest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MediaUrlsTest {

    private final MediaUrls urls = new MediaUrls("s3://vibrationfit-media/");
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    @Test
    void shouldAcceptTheCallersOwnObject() {
        assertTrue(urls.problemWith("s3://vibrationfit-media/users/" + alice + "/vision_board_image/x.png", alice)
                .isEmpty());
        assertDoesNotThrow(() -> urls.requireOwned("image_url", null, alice));
    }

    @Test
    void shouldRefuseAnotherMembersObject() {
        InvalidRequest e = assertThrows(
                InvalidRequest.class,
                () -> urls.requireOwned(
                        "image_url", "s3://vibrationfit-media/users/" + bob + "/vision_board_image/x.png", alice));
        assertEquals("image_url", e.errors().get(0).field());
    }

    @Test
    void shouldRefuseForeignHostsAndPathTricks() {
        assertTrue(urls.problemWith("https://evil.example.com/users/" + alice + "/a.png", alice)
                .isPresent());
        assertTrue(urls.problemWith("s3://vibrationfit-media/users/" + alice + "/../" + bob + "/a.png", alice)
                .isPresent());
        assertTrue(urls.problemWith("s3://vibrationfit-media/users/" + alice, alice)
                .isPresent());
        assertTrue(
                urls.problemWith("s3://vibrationfit-media/public/a.png", alice).isPresent());
    }
}
