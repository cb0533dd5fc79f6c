"""Format readers and Vietnamese NLP extractors.

This package imports neither `pipeline` nor `flows`: the records it produces are
defined in `extractors.records`.
"""

EXTRACTOR_VERSION = "0.2.0"
