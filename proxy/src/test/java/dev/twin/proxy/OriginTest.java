package dev.twin.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void parsesABaseUrlWithTheSchemesDefaultPort() {
        Origin origin = Origin.parse("https://api.example.com");

        assertEquals(new Origin("https", "api.example.com", 443), origin);
        assertEquals("api.example.com", origin.hostHeader());
        assertEquals("api.example.com:443", origin.authority());
    }

    @Test
    void keepsAnExplicitPortInTheHostHeader() {
        assertEquals("localhost:8080", Origin.parse("http://localhost:8080/").hostHeader());
    }

    @Test
    void rejectsUrlsThatAreNotHttpBaseUrls() {
        assertEquals("upstream must start with http:// or https://, got: ftp://x",
                assertThrows(IllegalArgumentException.class, () -> Origin.parse("ftp://x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Origin.parse("api.example.com"));
        assertThrows(IllegalArgumentException.class, () -> Origin.parse("https://api.example.com/v1"));
    }

    @Test
    void turnsAbsoluteRequestTargetsIntoOriginForm() {
        assertEquals("/a/b?c=1", RequestUris.originForm("http://host:81/a/b?c=1"));
        assertEquals("/", RequestUris.originForm("http://host"));
        assertEquals("/?q", RequestUris.originForm("http://host?q"));
        assertEquals("/plain", RequestUris.originForm("/plain"));
    }
}
