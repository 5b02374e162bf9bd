// IRIs of the output vocabulary (DESIGN.md). Internal to the graph and serialize stages.
#ifndef HEARSAY_GRAPH_VOCABULARY_H_
#define HEARSAY_GRAPH_VOCABULARY_H_

namespace hearsay::vocab {

inline constexpr char kHs[] = "https://w3id.org/hearsay/ns#";
inline constexpr char kDoc[] = "https://w3id.org/hearsay/doc/";
inline constexpr char kClaim[] = "https://w3id.org/hearsay/claim/";
inline constexpr char kEvent[] = "https://w3id.org/hearsay/event/";
inline constexpr char kEntity[] = "https://w3id.org/hearsay/entity/";
inline constexpr char kSource[] = "https://w3id.org/hearsay/source/";
inline constexpr char kWhen[] = "https://w3id.org/hearsay/when/";
inline constexpr char kCameo[] = "https://w3id.org/hearsay/cameo/";
inline constexpr char kAtt[] = "https://w3id.org/hearsay/attribution/";
inline constexpr char kSem[] = "http://semanticweb.cs.vu.nl/2009/11/sem/";
inline constexpr char kGaf[] = "http://groundedannotationframework.org/gaf#";
inline constexpr char kGrasp[] = "http://groundedannotationframework.org/grasp#";
inline constexpr char kGraspf[] = "http://groundedannotationframework.org/grasp/factuality#";
inline constexpr char kProv[] = "http://www.w3.org/ns/prov#";
inline constexpr char kSchema[] = "http://schema.org/";
inline constexpr char kNif[] = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr char kTime[] = "http://www.w3.org/2006/time#";
inline constexpr char kSkos[] = "http://www.w3.org/2004/02/skos/core#";
inline constexpr char kWd[] = "http://www.wikidata.org/entity/";
inline constexpr char kRdf[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr char kRdfs[] = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr char kXsd[] = "http://www.w3.org/2001/XMLSchema#";

// Datatypes, whole: literals carry them as strings, not as terms of the graph.
inline constexpr char kXsdDate[] = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr char kXsdGYear[] = "http://www.w3.org/2001/XMLSchema#gYear";
inline constexpr char kXsdGYearMonth[] = "http://www.w3.org/2001/XMLSchema#gYearMonth";
inline constexpr char kXsdAnyUri[] = "http://www.w3.org/2001/XMLSchema#anyURI";
inline constexpr char kXsdNonNegativeInteger[] =
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
inline constexpr char kRdfType[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

}  // namespace hearsay::vocab

#endif  // HEARSAY_GRAPH_VOCABULARY_H_
