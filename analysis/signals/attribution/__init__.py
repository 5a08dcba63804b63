"""Attribution: the speaker of every quote of one article, and reported speech.

1. **Cues** are speech verbs outside quotes (every form of ``analysis.lexicons.speech_verbs``: the
   graded attribution_verbs lexicon and the ungraded speech_verbs one), "according to" and "as X put
   it".  Each cue's speaker is read from the text next to it:
   * a name right before the verb, or before it with an insertion between commas ("Lauten, who works
     for Rep. Fincher, said"; "President Trump, 24 hours from his deadline, told"), with its role
     read leftwards or from an appositive; a chain such as "X went on to say" keeps X;
   * "X's office", "a spokesman for X", "a Microsoft spokesperson" (unnamed): X, with the proxy as its
     role, and "the spokesperson said" later is X again; a named spokesman speaks for himself; "a
     lawyer for X" is a voice of its own ("X's lawyer"), not X's;
   * "Rev. John Hale of Our Lady of Mercy, told": the person the "of" phrase belongs to;
   * "he"/"she" and "the senator" (before or after the verb: "said the governor"): the person they
     refer back to (``referents``: gender from titles and given names, the nearest earlier person of
     a compatible gender; a description never names a person the article gives another role, nor a
     place named after a person); a sentence that opens with "he" or "the president" as its subject
     passes that person on to the next pronoun; "a doctor said", "said a nurse who ..." is an
     unnamed source;
   * "the company said", "the board said", "the museum announced": the body the article named
     before (``sources``), when one is clear;
   * "the ad says", "the letter says", "“...,” the suit says": whoever the article gave that document
     to when it introduced it ("X's ad", "a letter from X", "The X campaign retorted with an ad");
   * "who" (the name just before it); an unnamed source ("a White House official"; "The official
     added" reuses it); a group keeps its name as an unnamed source ("Senate Democrats");
   * after the verb: "..., said resident Carol Pike", "said Sen. John Smith, R-Ohio", "said Rep. Mary
     Hale (R-Minn.), who ...", "said the spokesman, Peter Carr" (the name, with the role words as its
     role);
   * a participle after a comma ("..., calling it “...”") takes the sentence's subject: its first
     person or group that follows no preposition.
   The object of "told" (NBC News) is never the speaker; a newspaper or a platform is a source counted
   apart (unnamed), never a named voice; a place is no voice; "the Obama campaign" and "his campaign"
   are the campaign's voice (an organisation), not the candidate's.
2. **A quote's speaker**, in order: a cue right after the quote (“...,” he said), when the quote ends
   in punctuation, a comma follows or the quote opens its sentence -- not the scare quotes of "the
   “security guarantees” Ukraine says it needs"; the nearest cue before it in its sentence (if that
   one's speaker is only a pronoun inside an earlier speaker's reported clause, the earlier speaker);
   "according to X" in its sentences; a colon after a named person ("Biden retorted: “...”"); for a
   sentence that is only a quote, the speaker of the quote before it in the paragraph (or of the next
   one), or in the paragraph before when the quote opens its own paragraph right after an attributed
   one or the earlier paragraph was left open (news style for a quote running over paragraphs).
   Otherwise the speaker is "" (scare quotes, slogans, names such as “Coalition of the Willing”).
3. **Statements without quote marks**: a paragraph introduced by a sentence that ends with a colon and
   names a document ("Read the full statement:", "Her letter reads:") or ends in a speech verb ("X
   lashed out on Twitter, saying:") is that document's words, given
   to its owner ("Romney's statement"), else to the speaker of the nearest earlier cue.
4. **Reported speech**: in a sentence without direct quotes, a cue with a speaker followed by "that"
   (or a say-verb followed by a clause, a clause before ", X said", or "according to X") gives a
   ``reported`` quote over that clause (at least REPORTED_MIN_WORDS words).

Modules, in the order their classes build on each other (each a mixin over the one before):
``records`` (Speaker, Cue), ``verbs`` (speech cues), ``words`` (shared word classes and text
helpers), ``statements`` (unquoted statements), ``state`` (the article's state; a name as a speaker),
``coreference`` (pronouns, descriptions, offices), ``sources`` (unnamed sources, proxies),
``subjects`` (a clause's subject), ``documents`` (documents as speakers), ``before_verb`` and
``after_verb`` (the speaker next to a verb, title runs), ``cues`` (a sentence's cues), ``reported``
(reported speech), ``quotes`` (``Attribution``: a quote's speaker).
"""
from analysis.signals.attribution.quotes import Attribution

__all__ = ["Attribution"]
