package com.example.payments;

import dev.twin.replayer.Twin;
import dev.twin.replayer.config.ConfigException;

import java.nio.file.Path;

/** Stands in for the real Stripe API while recording: the Stripe example, served on a free port of 127.0.0.1. */
final class RealApi {
    private RealApi() {
    }

    static Twin start() {
        try {
            return Twin.serve(Path.of("../stripe"));
        } catch (ConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
