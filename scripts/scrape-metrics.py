#!/usr/bin/env python3
"""Fetches an activitylogd HTTP endpoint and prints what a scraper sees, as one JSON object.

/metrics is parsed with the Prometheus project's own client library (prometheus_client), so a format error fails
here as it would in Prometheus. Used by the tests; handy by hand too:

    scripts/scrape-metrics.py http://127.0.0.1:9514/metrics
"""
import json
import sys
import urllib.error
import urllib.request

from prometheus_client.parser import text_string_to_metric_families


def main(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode("utf-8")
    result = {"status": status, "body": body}
    if url.endswith("/metrics") and status == 200:
        result["samples"] = [
            {"family": family.name, "type": family.type, "name": sample.name, "labels": sample.labels,
             "value": sample.value}
            for family in text_string_to_metric_families(body)
            for sample in family.samples
        ]
        del result["body"]
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
