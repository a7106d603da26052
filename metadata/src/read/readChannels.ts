// Reads the Change Data Capture channels and attaches their members (which live in their own
// folder, one file per member, naming the channel they belong to).

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ChannelDef } from '../model.ts';
import { readXmlFile, requiredText, text } from './xmlFile.ts';

export interface ChannelMemberDef {
  channel: string;
  selectedEntity: string;
  source: string;
}

function filesEndingWith(dir: string, suffix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(dir, name));
}

export function readChannelMembers(dir: string): ChannelMemberDef[] {
  return filesEndingWith(dir, '.platformEventChannelMember-meta.xml').map((file) => {
    const doc = readXmlFile(file, 'PlatformEventChannelMember');
    return {
      channel: requiredText(doc, doc.body, 'eventChannel'),
      selectedEntity: requiredText(doc, doc.body, 'selectedEntity'),
      source: file,
    };
  });
}

/** Members whose channel file is missing are kept under a channel with an empty `source`. */
export function readChannels(channelsDir: string, membersDir: string): ChannelDef[] {
  const members = readChannelMembers(membersDir);
  const channels: ChannelDef[] = filesEndingWith(channelsDir, '.platformEventChannel-meta.xml').map(
    (file) => {
      const doc = readXmlFile(file, 'PlatformEventChannel');
      const fullName = path.basename(file).replace(/\.platformEventChannel-meta\.xml$/, '');
      return {
        fullName,
        channelType: requiredText(doc, doc.body, 'channelType'),
        label: text(doc.body, 'label') ?? fullName,
        members: [],
        memberSources: {},
        source: file,
      };
    },
  );
  for (const member of members) {
    let channel = channels.find((candidate) => candidate.fullName === member.channel);
    if (channel === undefined) {
      channel = {
        fullName: member.channel,
        channelType: '',
        label: member.channel,
        members: [],
        memberSources: {},
        source: '',
      };
      channels.push(channel);
    }
    channel.members.push(member.selectedEntity);
    channel.memberSources ??= {};
    channel.memberSources[member.selectedEntity] = member.source;
  }
  return channels;
}
