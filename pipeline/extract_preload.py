"""Imported by the forkserver of the extraction worker pool (`extract_pool.PRELOAD`): the readers,
the extractors and underthesea's models are loaded once, there, and every worker is forked with
them in memory instead of loading them itself (3–6 s of CPU a worker on this machine)."""

from extractors.extract import warm_up

warm_up()
