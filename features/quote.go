package features

// IsQuoteMark reports whether s, a token's text, is a double quotation
// mark, and whether it can only open a quotation (“ „ «), only close one
// (” »), or either (the straight ").
func IsQuoteMark(s string) (ok, opens, closes bool) {
	switch s {
	case "\u201c", "\u201e", "\u00ab":
		return true, true, false
	case "\u201d", "\u00bb":
		return true, false, true
	case "\"":
		return true, true, true
	}
	return false, false, false
}

// Attribution returns the index in mentions of the speaker the sentence
// names for the quotation that the mark at token q of p closes or opens,
// or -1. For a closing mark the speaker follows it: a name and a
// reporting verb ("…,” Petro said"), or a reporting verb and a name
// ("…,” said Petro", as Holder takes it: not a listener, a description
// or a name that what is said goes on about). For an opening mark the
// speaker precedes it: the subject of a reporting verb right before it, or
// before a colon or comma ("Petro said: “…", "Petro told reporters, “…"
// is none: the listener stands between). Analyze gives the speaker as the
// holder of the names in a quotation that runs over several sentences
// ("“NATO has failed. The EU too,” Petro said."), where Holders, which
// reads one sentence, finds none. mentions are as for Holders.
func Attribution(p *Prepared, mentions []Span, q int, closes bool) int {
	hs := &p.hs
	if !hs.laidFor(p, mentions) {
		hs.lay(p, mentions)
	}
	toks := hs.toks
	if q < 0 || q >= len(toks) {
		return -1
	}
	if closes {
		k := q + 1
		if k < len(toks) && hs.isComma(k) {
			k++ // "…” , Petro said"
		}
		if k >= len(toks) {
			return -1
		}
		if o := hs.owner[k]; o >= 0 && hs.first[o] == k {
			// "…,” Petro said": the name, then the verb after words of the
			// subject gap.
			v := hs.last[o] + 1
			for n := 0; v < len(toks) && n < 3 && hs.is(v, hwGap) && !hs.is(v, hwReport); n++ {
				v++
			}
			if v < len(toks) && hs.is(v, hwReport) && hs.owner[v] < 0 {
				return o
			}
			return -1
		}
		// "…,” said Petro": the verb, then the speaker, as Holder takes one.
		if hs.is(k, hwReport) && !hs.is(k, hwListener) && hs.owner[k] < 0 && k+1 < len(toks) {
			if o := hs.owner[k+1]; o >= 0 && hs.first[o] == k+1 {
				if sp := hs.described(o, -1); sp >= 0 && hs.endsSpeaker(sp) {
					return sp
				}
			}
		}
		return -1
	}
	v := q - 1
	if v >= 0 && toks[v].Kind == Punct && (hs.text[toks[v].Start] == ':' || hs.text[toks[v].Start] == ',') {
		v--
	}
	if v < 0 || !hs.is(v, hwReport) || hs.owner[v] >= 0 || hs.passive(v) || v > 0 && isBeForm(hs.base[v-1].hash) {
		return -1 // "Petro was told: “…": no speaker
	}
	return hs.subjectOf(v)
}
