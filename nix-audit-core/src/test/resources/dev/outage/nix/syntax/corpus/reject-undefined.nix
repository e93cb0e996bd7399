{ config, ... }: { x = config.y; z = undefinedThing; }
