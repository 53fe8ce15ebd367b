#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalogue.settings")
    # Local commands run in development mode unless the environment says otherwise; the WSGI entry
    # point (gunicorn) has no such default, so a server is secure unless DJANGO_DEBUG=1 is set.
    os.environ.setdefault("DJANGO_DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
