"""Reading SOPs from the formats bureaus already have them in."""
