"""The API's anonymous throttle, counting each client by its address as catalogue.infrastructure.clients sees it."""

from rest_framework import throttling

from catalogue.infrastructure.clients import client_address


class AnonRateThrottle(throttling.AnonRateThrottle):
    """DRF's anonymous throttle, identifying clients as the rest of the site does (TRUSTED_PROXY_COUNT).

    It counts in the default cache. When Redis is down, catalogue.infrastructure.cache counts in each
    process's memory, so the limit holds per process instead of failing or vanishing.
    """

    def get_ident(self, request):
        return client_address(request)
