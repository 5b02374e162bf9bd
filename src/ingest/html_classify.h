// Which text blocks of a page are the article: a block classifier in the manner of jusText
// (Pomikálek 2011) — link density, length, stop-word density and the classes of neighbouring
// blocks — guided by the structure hints of the page (the element holding the body, the
// regions of page furniture) and by text cues of appeals and notices.
#ifndef HEARSAY_INGEST_HTML_CLASSIFY_H_
#define HEARSAY_INGEST_HTML_CLASSIFY_H_

#include <cstddef>
#include <vector>

#include "hearsay/ingest.h"
#include "ingest/html_page.h"

namespace hearsay::html {

// Indices into page.blocks of the article's text blocks, in document order; empty if the
// page holds no article text.
std::vector<size_t> ArticleBlocks(const Page& page, const HtmlLexicon& lexicon);

}  // namespace hearsay::html

#endif  // HEARSAY_INGEST_HTML_CLASSIFY_H_
