"""Frontline app (placeholder until the map of control lands): the gazetteer on a map."""

from __future__ import annotations

import folium
import streamlit as st
from streamlit_folium import st_folium

from gazetteer import load

st.set_page_config(page_title="Frontline", layout="wide")
st.title("Frontline: gazetteer of eastern Deir ez-Zor")
gz = load()
m = folium.Map(location=[34.9, 40.6], zoom_start=8, tiles=None)
for p in gz:
    folium.CircleMarker([p.lat, p.lon], radius=4, tooltip=f"{p.name_en} / {p.name_ar}").add_to(m)
st_folium(m, height=600, use_container_width=True)
