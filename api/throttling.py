"""The API's anonymous throttle, counting each client by the address catalogue.clients says is its own."""

from rest_framework import throttling

from catalogue.clients import client_address


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, identifying clients as the rest of the site does (TRUSTED_PROXY_COUNT).

    It counts in the default cache. When Redis is down, catalogue.cache counts in each process's memory,
    so the limit holds per process instead of failing or vanishing.
    """

    def get_ident(self, request):
        return client_address(request)
