package dev.twin.replayer.internal.callback;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TwilioSignature} against the Twilio SDK's own {@link RequestValidator}. */
class TwilioSignatureTest {
    @Test
    void theSdksValidatorAcceptsTheSignatureWhateverTheOrderAndCharactersOfTheFields() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("To", "+15558675310");
        params.put("Body", "Grüße & <tags> = 100% ✓");
        params.put("AccountSid", "AC" + "1".repeat(32));
        params.put("ErrorCode", "");
        String url = "https://app.example.com/sms/status?tenant=42&x=%20y";

        String signature = TwilioSignature.of("auth_token", url, params);

        assertTrue(new RequestValidator("auth_token").validate(url, params, signature));
    }

    @Test
    void aKnownSignatureIsReproduced() {
        // Twilio's documented example (https://www.twilio.com/docs/usage/security#validating-requests)
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");

        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.of("12345",
                "https://mycompany.com/myapp.php?foo=1&bar=2", params));
    }
}
