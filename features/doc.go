// Package features turns text into numbers for stance classification.
//
// It holds the pieces that know about text but nothing about labels or
// models:
//
//   - Tokenize splits text into tokens that carry byte offsets into the
//     input. Tokens are never copies: Text(text) is a subslice of it.
//   - Sentences splits running text into sentences, and Mentions finds
//     capitalised names and acronyms in a sentence.
//   - Extractor turns one (sentence, target span) pair into a list of
//     feature ids: the target is replaced by a placeholder, other names by
//     another; words and bigrams are tagged with their side of the target,
//     distance, clause and negation scope; the bigrams and the three
//     trigrams that hold the target keep the word order next to it; words
//     of the built-in cue lists
//     (lexicon/*.txt: positive, negative, attack, support, suffer, hedge,
//     written for stancekit) add category features, and the trigrams again
//     with their cue words as categories ("<support> by <T>"). Prepare and
//     AppendPrepared do the target-independent work once per sentence.
//   - Gazetteer finds known entities by name and alias; Holder and Holders
//     name the entity whose stance a sentence reports toward a target.
//
// # Feature identity
//
// A feature id is a 64-bit hash. The term hash is xxHash64 of the
// normalised term (lower case, curly quotes folded to straight ones, from
// feature set 11 on without the invisible joiners a word may hold); a
// feature id mixes a one-byte namespace, the extractor's seed and one or
// two term hashes with fixed odd multipliers and the SplitMix64 finaliser.
// The ids therefore depend only on the text, the extractor's settings and
// its seed: they are the same on every run and every platform. The low
// four bits of an id carry its Group (unigram, bigram, window, side,
// clause, cue, cue-any, target-bigram, near, target-trigram), so that a
// model can weigh groups differently. The constant Version names the
// feature set; a change to the features that given settings produce bumps
// it, so a model trained on one feature set never silently scores another.
// An extractor decoded from an older set that this package still reads
// (MinVersion on) produces that set's ids.
// A new kind of feature comes with an option instead, off in the settings
// decoded from older models (WithTrigrams, WithCueTrigrams).
package features
