package dev.twin.replayer.internal.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bucket that has refilled is what a new one would be: the limiter may forget it (keys sent once cost nothing). */
class TokenBucketTest {

    @Test
    void givenATakenToken_thenTheBucketIsFullAgainOnlyOnceItRefilled() {
        TokenBucket bucket = new TokenBucket(10, 5, 1_000);
        assertTrue(bucket.isFullAt(1_000), "a new bucket is full");

        bucket.tryTake(1_000);

        assertFalse(bucket.isFullAt(1_100), "one token takes 200 ms to come back");
        assertTrue(bucket.isFullAt(1_200));
    }
}
