"""Arabic text utilities shared by the stages and the resource loaders."""
