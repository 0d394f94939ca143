package dev.twin.proxy.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPatternsTest {

    @Test
    void matchesSubdomainsWithALeadingStar() {
        HostPatterns patterns = HostPatterns.of(List.of("*.example.com"));

        assertTrue(patterns.matches("api.example.com"));
        assertTrue(patterns.matches("API.Example.com"));
        assertFalse(patterns.matches("example.org"));
        assertFalse(patterns.matches("api.example.com.evil.org"));
    }

    @Test
    void treatsDotsLiterally() {
        assertFalse(HostPatterns.of(List.of("api.example.com")).matches("apixexample.com"));
    }

    @Test
    void matchesEverythingByDefault() {
        assertTrue(HostPatterns.all().matches("anything.at.all"));
        assertTrue(HostPatterns.all().matches("127.0.0.1"));
    }
}
