"""`chiso web`: a Streamlit app over the dataset for researchers and auditors (docs/web.md).

`app.py` is the entry script (`streamlit run pipeline/web/app.py`); each `page_*.py` is one page
and also an importable module. The app reads the database named by $CHISO_DB read-only; the
Upload page's "add to the dataset" is its one write path (`uploads.py`).
"""
