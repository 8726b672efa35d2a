"""Why a rule is left to a person (or only partly automated): written into docs/act.md beside
the figures, so a rule with no detection is a stated decision, not a silent gap.

Each note says what the rule needs that a program cannot settle from the rendered page, and
what a11y-audit does instead (needs review with evidence, or the certain cases only)."""

from __future__ import annotations

RULE_NOTES: dict[str, str] = {
    "0va7u6": (
        "Whether an image shows text is visible only in its pixels (OCR), and even then the rule "
        "passes text that is incidental, decorative or essential (a logo): a judgement about the "
        "image's purpose. `images-of-text` asks a person to look at SVG images whose words it can "
        "read, and never fails one."
    ),
    "9bd38c": (
        "Deciding whether 'the red button' or 'on the right' identifies content, and whether a "
        "non-visual reference to it exists elsewhere on the page, needs reading the instruction "
        "as a person does; a word list would fail every 'right' and 'round'."
    ),
    "36b590": (
        "The rule asks whether an error message describes the cause or the fix: natural-language "
        "judgement. `error-identification` fails what is certain (an error shown only by colour or "
        "aria-invalid with no text; a message neither announced nor focused) and asks a person to "
        "read messages of one or two words."
    ),
    "e88epe": (
        "The rule fails an image hidden from assistive technology unless it is purely decorative: "
        "whether an image conveys information is a judgement about its content and context."
    ),
    "c4a8a4": (
        "Whether a title describes the page's topic is a judgement; `duplicate-page-title` fails "
        "only titles that certainly say nothing (placeholders, a file name, the bare domain) and "
        "asks a person to look at titles shared within one site."
    ),
    "qt1vmo": (
        "Whether an image's name describes it needs seeing the image; `image-alt-filename` fails "
        "names that certainly do not (file names, placeholders such as 'image')."
    ),
    "cc0f0a": (
        "Whether a label describes its field is a judgement; `placeholder-heading-or-label` fails "
        "only a template's dummy text ('Label', 'Input field') where no other label describes "
        "the field."
    ),
    "b49b2e": (
        "Whether a heading describes its section is a judgement; only placeholder headings are certain."
    ),
    "5effbb": (
        "Whether a link's text together with its context describes its purpose is a judgement; "
        "`ambiguous-link-text` fails generic texts ('read more', 'download') and names that only "
        "give the target's file format ('EPUB' to an .epub file) when the link has no "
        "programmatically determined context, and asks a person otherwise. Left to a person: a "
        "context that names a category rather than the item (a 'Download' link under the header "
        "'Books') and a specific-looking name alone ('Workshop'), which only reading can judge."
    ),
    "4b1c6c": (
        "Whether two different documents are equivalent resources is a judgement (the rule passes "
        "two different advertisements named 'advertising'); `iframe-same-name-different-content` "
        "passes frames that show the same address or text, fails same-origin frames whose "
        "documents share no word, and asks a person about overlapping texts and cross-origin "
        "frames, whose documents the page cannot read."
    ),
    "e7aa44": (
        "Both failed cases need the speech compared with its text (a wrong transcript, or one "
        "hidden while nearby text points to it); music or other non-speech audio makes 'no text "
        "on the page' an uncertain failure. `media-without-alternative` lists what it found "
        "(tracks, transcript links, descriptions) for a person to check."
    ),
    "eac66b": (
        "Captions may be burned into the picture (open captions), which the page's markup cannot "
        "show, and whether a captions track is accurate needs a person: needs review with the "
        "tracks found."
    ),
    "c5a4ea": (
        "Audio description may be a voice-over in the main soundtrack (Passed Example 1 has no "
        "text or track at all): whether the video's visual information reaches a listener needs "
        "watching it. Needs review with the tracks and alternatives found."
    ),
    "c3232f": (
        "The failed cases are a wrong transcript, a wrong audio alternative, an unlabelled media "
        "alternative and a description track alone; only the last is certain, and only once the "
        "video is known to be silent. Needs review with what was found."
    ),
    "c249d5": (
        "Telling whether some control disables motion actuation means pressing every control and "
        "shaking the device again; pressing arbitrary controls is unsafe on a store (add to bag, "
        "orders), and the rule's exceptions (an operating-system setting, essential motion) need "
        "a person."
    ),
    "7677a9": (
        "As for c249d5: whether a user-interface component gives the same result as the motion "
        "needs every control pressed and compared, which a store audit must not do."
    ),
    "fd3a94": (
        "Whether two different addresses are equivalent resources needs their content compared "
        "(the rule's own passed examples link different URLs to equivalent pages); "
        "`ambiguous-link-text` asks a person to look at identical names with different targets."
    ),
    "1ec09b": (
        "Whether a media alternative conveys the same visual information, or a video carries "
        "burned-in audio description, can be judged only by watching it."
    ),
}
