"""`chiso query`: run a read-only SQL query on the dataset."""

from __future__ import annotations

import argparse
import sys

import duckdb

from pipeline.cli.dataset_args import add_db_argument, add_format_argument, db_path
from pipeline.cli.frame_output import write_frame
from pipeline.dataset import Dataset
from pipeline.store import ReadOnlyViolation, StoreError, StoreLocked
from pipeline.store.readonly import is_read_only_refusal

NAME = "query"
HELP = ("run a read-only SQL query (SELECT) on the dataset; tables: files documents figures references runs "
        "organizations (documents, figures, references: each document once unless --with-duplicates)")
EXAMPLE = ("chiso query \"SELECT organization, year, value FROM figures "
           "WHERE indicator = 'membership_rate'\" --format csv")
REFUSAL = "chiso query is read-only; use chiso ingest to change the dataset"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("sql", metavar="SQL", help="one SELECT (or EXPLAIN) statement; quote table \"references\"")
    p.add_argument("--with-duplicates", action="store_true",
                   help="count documents stored again in other files too (default: each document once)")
    add_db_argument(p, lock_timeout=10.0)
    add_format_argument(p)


def run(args: argparse.Namespace) -> int:
    ds = Dataset(db_path(args), lock_timeout=args.lock_timeout, with_duplicates=args.with_duplicates)
    try:
        df = ds.sql(args.sql)
    except ReadOnlyViolation as err:
        print(str(err), file=sys.stderr)
        return 2
    except StoreLocked as err:
        print(f"chiso query: {err}", file=sys.stderr)
        return 1
    except StoreError as err:
        print(f"chiso query: {err}", file=sys.stderr)
        return 2
    except duckdb.Error as err:
        if is_read_only_refusal(err):
            print(REFUSAL, file=sys.stderr)
        else:
            print(f"chiso query: {str(err).strip()}", file=sys.stderr)
        return 2
    write_frame(df, args.format)
    return 0
