package dev.twin.redis;

import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.codec.ToByteBufEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.ByteBuffer;

/**
 * Strings as UTF-8, each written straight into the command's buffer after its exact length. Lettuce's
 * {@link StringCodec#UTF8} only knows an upper bound of a string's length, so it encodes every argument into a
 * temporary buffer of three times its length first and copies it: on a commit's row and event texts, that was most
 * of the time Lettuce's thread spent encoding (docs/PERFORMANCE.md). Counting a string's UTF-8 bytes is one pass
 * over it that allocates nothing.
 */
final class ExactUtf8Codec implements RedisCodec<String, String>, ToByteBufEncoder<String, String> {
    static final ExactUtf8Codec INSTANCE = new ExactUtf8Codec();

    private ExactUtf8Codec() {
    }

    @Override
    public boolean isEstimateExact() {
        return true;
    }

    @Override
    public int estimateSize(Object keyOrValue) {
        return keyOrValue instanceof String text ? ByteBufUtil.utf8Bytes(text) : 0;
    }

    @Override
    public void encodeKey(String key, ByteBuf target) {
        if (key != null) {
            ByteBufUtil.writeUtf8(target, key);
        }
    }

    @Override
    public void encodeValue(String value, ByteBuf target) {
        if (value != null) {
            ByteBufUtil.writeUtf8(target, value);
        }
    }

    @Override
    public String decodeKey(ByteBuffer bytes) {
        return StringCodec.UTF8.decodeKey(bytes);
    }

    @Override
    public String decodeValue(ByteBuffer bytes) {
        return StringCodec.UTF8.decodeValue(bytes);
    }

    @Override
    public ByteBuffer encodeKey(String key) {
        return StringCodec.UTF8.encodeKey(key);
    }

    @Override
    public ByteBuffer encodeValue(String value) {
        return StringCodec.UTF8.encodeValue(value);
    }
}
