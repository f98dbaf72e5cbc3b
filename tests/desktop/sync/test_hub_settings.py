"""The hub settings (the team's currency) reach a device with its sync and stay when a hub that
does not send them answers."""

from __future__ import annotations

from hub.shared_settings import set_shared_setting


def test_a_device_takes_the_hubs_currency_with_its_next_sync(hub, make_device):
    device = make_device("rep")
    assert device.store.currency() == "EUR"  # before any pull: the default
    set_shared_setting(hub.engine, "currency", "USD")
    device.run()
    assert device.store.currency() == "USD"
    set_shared_setting(hub.engine, "currency", "CHF")
    device.run()
    assert device.store.currency() == "CHF"
    # A page from a hub that sends no settings (an older hub) keeps what the device had.
    device.sync.apply_page([], device.sync.cursor())
    assert device.store.currency() == "CHF"
    # Switching hub or user forgets them with the rest of the hub's data.
    device.sync.forget_hub_data()
    assert device.store.currency() == "EUR"
