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
        "Every failed case shows its message in the page as loaded (nothing is submitted: the "
        "buttons are type=button), so failing one means reading text: that a sentence is an error "
        "message, which fields it is about, and whether it says the cause ('Invalid value for "
        "age.' does not, 'Age must be at least 1.' does). Failed 3 and 4 hide a message from sight "
        "(display:none behind aria-describedby) or from assistive technology (aria-hidden), but "
        "forms keep hidden error containers until an error occurs and visible text hidden from "
        "assistive technology may be said elsewhere: hiding is no failure unless the text is known "
        "to be a current error. Failed 5's 'Please fill Name' is ambiguous because two fieldsets "
        "each have a 'Name' field, which again needs the message read for field names. "
        "`error-identification` judges what happens when it submits a form declared safe (none in "
        "the test cases): it fails an error shown only by colour or aria-invalid with no text, or "
        "a message neither announced nor focused, and asks a person to read messages of one or "
        "two words."
    ),
    "e88epe": (
        "The rule fails an image hidden from assistive technology unless it is purely decorative: "
        "whether an image conveys information is a judgement about its content and context. "
        'Failed 1, 4 and 5 (alt="", an unnamed svg, a canvas drawing words) are informative '
        "only by what they show. Failed 2 and 3 hide an image that has alt text (aria-hidden, "
        'role="none"), which hints the author thought it informative; but the common reason '
        "to hide such an image is that text beside it says the same (stars beside 'Rated 4 out "
        "of 5', an icon beside its label), which fails this rule yet is a conforming alternative "
        "for 1.1.1, and whether that text says what the image does is a judgement. A hidden "
        "image as the only content of a link or button is failed by axe-core's link-name and "
        "button-name (2.4.4, 4.1.2)."
    ),
    "ucwvc8": (
        "`page-language-mismatch` fails a page whose text is clearly in another language than its "
        "lang (Failed 1 and 3). Failed 2 (lang=\"nl\", title 'Gelukkig', the sentence 'The Dutch "
        'word "gelukkig" has no equivalent in English.\') has 10 words, two of them Dutch (the '
        "title and the quoted word): py3langid reads the whole as Afrikaans 32%, English 21%, "
        "Dutch 17%, and Afrikaans is too close to Dutch for a verdict (its passed twin, the same "
        'page with lang="EN", reads the same). Counting words per language as the rule assumes '
        "(the title and the one-word quotation identified apart) leaves 8 words at 89% English "
        "and 0.5% Dutch: a needs review, short of the 95% and 0.1% a failure needs (bars set so "
        "that short or name-heavy texts never fail; lowering them would need a labelled corpus "
        "of short texts in many languages, not one case). Failed 4 and "
        "5 give the page's language only 'Fireworks over Paris' (a place name, and 'over' is "
        "Dutch too: English 31-45%, Dutch 13-14%): too little text to know the page's language."
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
    "cf77f2": (
        "The rule fails a page only when a block repeated on a page it links to comes before "
        "content that is not repeated, and no skip instrument, heading, landmark or collapse "
        "control gets past it. Whether a block is repeated is a fact about the other page (the "
        "examples' aside is repeated because the linked chapter carries it), so one page shows "
        "neither that nor, without a main landmark, where its main content starts; Understanding "
        "2.4.1 adds that single links and short phrases are no blocks. A page with no skip link, "
        "heading or main landmark may be all its own content (Passed Example 7), and a scripted "
        "button may move focus past the menu or hide it (Passed Examples 1, 8 and 11), which the "
        "audit cannot learn without pressing it. axe-core's bypass rule asks a person to look at "
        "pages with none of these; `broken-skip-link` and `skip-link-not-working` fail skip links "
        "that go nowhere. Comparing the pages of one set in a crawl (the navigation they share is "
        "a block repeated on a linked page) could settle repetition; it is not done yet."
    ),
    "ffbc54": (
        "Failed Example 2 has the setting on the page, in a dialog opened by a button named "
        "'Open modal': it fails only because nothing that leads there identifies it (the rule's "
        "clearly labelled location), where Passed Example 6's 'Control shortcuts' button does. "
        "Whether a control's name identifies shortcut settings ('Settings', 'Preferences', a "
        "gear icon, another language) is a judgement of its words, and seeing what it opens "
        "means pressing it, which the audit does not do with arbitrary controls of a store. "
        "`character-key-shortcut` fails a single-key shortcut only where nothing on the page "
        "mentions shortcuts, and asks a person to find and try the setting where something does."
    ),
}
