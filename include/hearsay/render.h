// render: one self-contained HTML page showing what was extracted from an article — claims,
// sources, cues, events and time expressions highlighted in the text, and a side panel listing
// each claim with its source, relay, date and the factuality of the events it mentions.
#ifndef HEARSAY_RENDER_H_
#define HEARSAY_RENDER_H_

#include <string>

#include "hearsay/document.h"

namespace hearsay {

// Highlights carry data attributes (data-kind, data-id, data-value) so tools can read them
// back from the DOM; a highlight cut by another one is split into parts with the same data-id.
std::string RenderHtml(const Document& doc, const Analysis& analysis);

}  // namespace hearsay

#endif  // HEARSAY_RENDER_H_
