package dev.twin.inference.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueFormTest {
    @Test
    void givenDashSeparatedBase32Groups_whenTheFormIsTaken_thenItIsThoseGroupsAndEveryValueMatches() {
        List<String> ids = List.of("XHPJITH-XRNZO5Y-3VODFEO-I75QE3O-SIXXYQ2-HKO7D2S-2NZTAR6-KJIUNAQ",
                "JBZCAAA-V5KVTJX-ZV65BIH-4E2ZZCL-ZIYF653-C7CM5GN-RTIFS6Q-2OQORAC");
        ValueForm form = ValueForm.of(ids).orElseThrow();
        assertEquals("[A-Z2-7]{7}(?:-[A-Z2-7]{7}){7}", form.regex());
        ids.forEach(id -> assertTrue(form.matches(id), id));
        assertFalse(form.matches("not-a-device"));
    }

    @Test
    void givenFewCharactersSeen_whenTheAlphabetIsChosen_thenTheWiderOneIsTakenUnlessTheNarrowIsLikely() {
        // 24 base32 characters could well be alphanumerics that showed no 0, 1, 8 or 9: too few to say base32
        ValueForm few = ValueForm.of(List.of("ABCD-2345-EFGH", "WXYZ-6734-QRST")).orElseThrow();
        assertEquals("[A-Z0-9]{4}(?:-[A-Z0-9]{4}){2}", few.regex());
        assertTrue(few.matches("ZZ99-QQ00-1818"));
    }

    @Test
    void givenValuesOfVaryingLayoutShortOrAlone_whenTheFormIsTaken_thenThereIsNone() {
        assertTrue(ValueForm.of(List.of("laptop-01", "phone-1234")).isEmpty());
        assertTrue(ValueForm.of(List.of("abc", "xyz")).isEmpty());
        assertTrue(ValueForm.of(List.of("ABCDEFGH-1234")).isEmpty());
        assertTrue(ValueForm.of(List.of("alphabeta", "gammadelt")).isEmpty(), "one group shorter than a token");
        assertTrue(ValueForm.of(List.of("jenny0@acme.io", "jenny1@acme.io", "jenny2@acme.io")).isEmpty(),
                "addresses made in a loop share most characters: written, not drawn");
    }

    @Test
    void givenManyAcceptedValueSets_whenTheFormIsTaken_thenNoAcceptedValueIsRefused() {
        List<List<String>> sets = List.of(
                List.of("3f0e2a9c-1b7d-4c5e-8a6f-2d9b0c1e4f7a", "8b1c4d2e-7f3a-4e6b-9c0d-5a2f1e8b3c6d"),
                List.of("sk.live.0123456789abcdef", "sk.live.fedcba9876543210"),
                List.of("0123456789abcdefABCDEF", "zzzzzzzzzzzzzzzzzzzzzz"),
                List.of("2024/01/31-0001", "2023/12/01-9999"));
        for (List<String> accepted : sets) {
            ValueForm.of(accepted).ifPresent(form -> accepted.forEach(v -> assertTrue(form.matches(v),
                    form.regex() + " refuses " + v)));
        }
        assertTrue(ValueForm.of(sets.get(0)).isPresent());
    }
}
